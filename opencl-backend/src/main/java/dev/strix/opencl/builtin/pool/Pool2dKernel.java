package dev.strix.opencl.builtin.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** max_pool2d and avg_pool2d ({@code pool/pool2d.cl}); the output size (ceil_mode) comes from the graph. */
public final class Pool2dKernel implements OpenClKernel {
    private final boolean max;

    public Pool2dKernel(boolean max) {
        this.max = max;
    }

    @Override
    public String layerType() {
        return max ? "max_pool2d" : "avg_pool2d";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        Shape y = ctx.outputShape(0);
        Attributes a = ctx.attributes();
        int[] k = a.getInts("kernel_size", 2, 1);
        int[] s = a.has("stride") ? a.getInts("stride", 2, 1) : k;
        int[] p = a.getInts("padding", 2, 0);
        int[] d = a.getInts("dilation", 2, 1);
        boolean include = a.getBoolean("count_include_pad", true);
        int h = x.dim(2);
        int w = x.dim(3);
        int ho = y.dim(2);
        int wo = y.dim(3);
        long planes = (long) x.dim(0) * x.dim(1);
        if (Launches.groupTarget(ctx) > 0) {
            // CPUs: a row per work-item, the window compiled in (pool2d_rows.cl says why).
            ClKernel rows = ctx.kernel("pool/pool2d_rows", "pool2d_rows", Defines.of().set("MODE", max ? 0 : 1)
                    .set("INCLUDE_PAD", include ? 1 : 0).set("KH", k[0]).set("KW", k[1]).set("SH", s[0])
                    .set("SW", s[1]).set("PT", p[0]).set("PL", p[1]).set("DH", max ? d[0] : 1)
                    .set("DW", max ? d[1] : 1));
            long[] global = {ho, planes};
            long[] local = Launches.itemGroups(ctx, global);
            return io -> {
                rows.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, h, w, ho, wo);
                io.launch(rows, global, local);
            };
        }
        ClKernel kernel = ctx.kernel("pool/pool2d", "pool2d", Defines.of().set("MODE", max ? 0 : 1)
                .set("INCLUDE_PAD", include ? 1 : 0));
        return Launches.planes(kernel, ctx, (long) ho * wo, planes, io -> kernel
                .arg(0, io.input(0)).arg(1, io.output(0))
                .ints(2, h, w, ho, wo, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]));
    }
}
