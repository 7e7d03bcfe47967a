package dev.strix.opencl.builtin.pool;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** adaptive_avg_pool2d with PyTorch's window bounds ({@code pool/adaptive_avg_pool.cl}). */
public final class AdaptiveAvgPoolKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "adaptive_avg_pool2d";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        Shape y = ctx.outputShape(0);
        ClKernel k = ctx.kernel("pool/adaptive_avg_pool", "adaptive_avg_pool", Defines.of());
        return Launches.planes(k, ctx, (long) y.dim(2) * y.dim(3), (long) x.dim(0) * x.dim(1),
                io -> k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, x.dim(2), x.dim(3), y.dim(2), y.dim(3)));
    }
}
