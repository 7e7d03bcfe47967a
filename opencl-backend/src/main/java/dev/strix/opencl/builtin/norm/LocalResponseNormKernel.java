package dev.strix.opencl.builtin.norm;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** local_response_norm across channels ({@code norm/local_response_norm.cl}). */
public final class LocalResponseNormKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "local_response_norm";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        var a = ctx.attributes();
        int n = x.dim(0);
        int c = x.dim(1);
        int s = (int) x.sizeOf(2, x.rank());
        ClKernel k = ctx.kernel("norm/local_response_norm", "local_response_norm", Defines.of()
                .set("SIZE", a.getInt("size")).setFloat("ALPHA", a.getDouble("alpha", 1e-4))
                .setFloat("BETA", a.getDouble("beta", 0.75)).setFloat("K", a.getDouble("k", 1.0)));
        return Launches.elementwise(k, ctx, x.size(),
                io -> k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, n, c, s));
    }
}
