package dev.strix.opencl.builtin.shape;

import dev.strix.api.Shape;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import java.util.ArrayList;
import java.util.List;

/** concat: one block copy per input into its place along the axis. */
public final class ConcatKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "concat";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape out = ctx.outputShape(0);
        int axis = out.normalizeAxis(ctx.attributes().getInt("axis", 1));
        int outer = (int) out.sizeOf(0, axis);
        int inner = (int) out.sizeOf(axis + 1, out.rank());
        int total = out.dim(axis);
        List<BlockCopy> copies = new ArrayList<>();
        int offset = 0;
        for (Shape in : ctx.inputShapes()) {
            int d = in.dim(axis);
            copies.add(new BlockCopy(ctx, outer, d, inner, d * inner, 0, 1, total * inner, offset));
            offset += d;
        }
        return io -> {
            for (int i = 0; i < copies.size(); i++) {
                copies.get(i).enqueue(io, io.input(i), io.output(0));
            }
        };
    }
}
