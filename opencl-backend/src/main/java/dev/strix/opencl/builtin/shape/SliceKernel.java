package dev.strix.opencl.builtin.shape;

import dev.strix.api.Shape;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;

/** slice start:end:step along an axis, as one block copy (negative start and end count from the end). */
public final class SliceKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "slice";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        var a = ctx.attributes();
        int axis = x.normalizeAxis(a.getInt("axis"));
        int dim = x.dim(axis);
        int start = a.getInt("start");
        if (start < 0) {
            start += dim;
        }
        int count = ctx.outputShape(0).dim(axis);
        int outer = (int) x.sizeOf(0, axis);
        int inner = (int) x.sizeOf(axis + 1, x.rank());
        BlockCopy copy = new BlockCopy(ctx, outer, count, inner, dim * inner, start, a.getInt("step", 1),
                count * inner, 0);
        return io -> copy.enqueue(io, io.input(0), io.output(0));
    }
}
