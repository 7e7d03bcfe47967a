package dev.strix.opencl.builtin.shape;

import dev.strix.api.Shape;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import java.util.ArrayList;
import java.util.List;

/** split: one block copy per output from its place along the axis. */
public final class SplitKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "split";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int axis = x.normalizeAxis(ctx.attributes().getInt("axis", 1));
        int outer = (int) x.sizeOf(0, axis);
        int inner = (int) x.sizeOf(axis + 1, x.rank());
        int total = x.dim(axis);
        List<BlockCopy> copies = new ArrayList<>();
        int offset = 0;
        for (int size : ctx.attributes().getInts("sizes")) {
            copies.add(new BlockCopy(ctx, outer, size, inner, total * inner, offset, 1, size * inner, 0));
            offset += size;
        }
        return io -> {
            for (int i = 0; i < copies.size(); i++) {
                copies.get(i).enqueue(io, io.input(0), io.output(i));
            }
        };
    }
}
