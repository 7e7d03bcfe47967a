package dev.strix.opencl.builtin.norm;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/** group_norm, one work-item per (image, group) ({@code norm/group_norm.cl}). */
public final class GroupNormKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "group_norm";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        var a = ctx.attributes();
        int n = x.dim(0);
        int c = x.dim(1);
        int s = (int) x.sizeOf(2, x.rank());
        int g = a.getInt("num_groups");
        Launches.requireLoops(ctx, 3L * c / g * s, "group_norm over " + (long) c / g * s + " values");
        boolean affine = a.getBoolean("affine", true);
        ClBuffer w = affine ? ctx.constant("weight", ctx.param("weight").data()) : null;
        ClBuffer b = affine ? ctx.constant("bias", ctx.param("bias").data()) : null;
        ClKernel k = ctx.kernel("norm/group_norm", "group_norm", Defines.of().set("AFFINE", affine ? 1 : 0)
                .setFloat("EPS", a.getDouble("eps", 1e-5)));
        return Launches.elementwise(k, ctx, (long) n * g, io -> k.arg(0, io.input(0))
                .arg(1, affine ? w : io.input(0)).arg(2, affine ? b : io.input(0)).arg(3, io.output(0))
                .ints(4, n, c, s, g));
    }
}
