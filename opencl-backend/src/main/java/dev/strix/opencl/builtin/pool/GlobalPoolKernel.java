package dev.strix.opencl.builtin.pool;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** global_avg_pool and global_max_pool, one work-item per plane ({@code pool/global_pool.cl}). */
public final class GlobalPoolKernel implements OpenClKernel {
    private final boolean max;

    public GlobalPoolKernel(boolean max) {
        this.max = max;
    }

    @Override
    public String layerType() {
        return max ? "global_max_pool" : "global_avg_pool";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int planes = x.dim(0) * x.dim(1);
        int s = (int) x.sizeOf(2, x.rank());
        Launches.requireLoops(ctx, s, "global pooling over " + s + " values");
        ClKernel k = ctx.kernel("pool/global_pool", "global_pool", Defines.of().set("MODE", max ? 0 : 1));
        return Launches.elementwise(k, ctx, planes, io -> k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, planes,
                s));
    }
}
