package dev.strix.opencl.builtin.activation;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** softmax and log_softmax along an axis ({@code activation/softmax.cl}). */
public final class SoftmaxKernel implements OpenClKernel {
    private final boolean log;

    public SoftmaxKernel(boolean log) {
        this.log = log;
    }

    @Override
    public String layerType() {
        return log ? "log_softmax" : "softmax";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape s = ctx.inputShape(0);
        int axis = s.normalizeAxis(ctx.attributes().getInt("axis", -1));
        int outer = (int) s.sizeOf(0, axis);
        int d = s.dim(axis);
        int inner = (int) s.sizeOf(axis + 1, s.rank());
        Launches.requireLoops(ctx, 3L * d, "softmax over " + d + " values");
        Defines defines = Defines.of().set("LOG", log ? 1 : 0);
        if (inner == 1 && Launches.groupTarget(ctx) > 0) {
            ClKernel k = ctx.kernel("activation/softmax", "softmax_rows", defines);
            long[] global = {outer};
            long[] groups = Launches.itemGroups(ctx, global);
            return io -> {
                k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, outer, d, inner);
                io.launch(k, global, groups);
            };
        }
        ClKernel k = ctx.kernel("activation/softmax", "softmax", defines);
        return Launches.elementwise(k, ctx, (long) outer * inner,
                io -> k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, outer, d, inner));
    }
}
