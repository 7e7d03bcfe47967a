package dev.strix.opencl.builtin.norm;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/** layer_norm over trailing dims, or over channels of [N,C,H,W] with channels_first ({@code norm/layer_norm.cl}). */
public final class LayerNormKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "layer_norm";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        var a = ctx.attributes();
        int outer;
        int d;
        int inner;
        if (a.getBoolean("channels_first", false)) {
            outer = x.dim(0);
            d = x.dim(1);
            inner = (int) x.sizeOf(2, x.rank());
        } else {
            int dims = a.getInts("normalized_shape").length;
            outer = (int) x.sizeOf(0, x.rank() - dims);
            d = (int) x.sizeOf(x.rank() - dims, x.rank());
            inner = 1;
        }
        Launches.requireLoops(ctx, 3L * d, "layer_norm over " + d + " values");
        boolean affine = a.getBoolean("elementwise_affine", true);
        ClBuffer w = affine ? ctx.constant("weight", ctx.param("weight").data()) : null;
        ClBuffer b = affine ? ctx.constant("bias", ctx.param("bias").data()) : null;
        Defines defines = Defines.of().set("AFFINE", affine ? 1 : 0).setFloat("EPS", a.getDouble("eps", 1e-5));
        if (inner == 1 && Launches.groupTarget(ctx) > 0) {
            // CPUs: a row per work-item, as vectors.
            ClKernel k = ctx.kernel("norm/layer_norm", "layer_norm_rows", defines);
            long[] global = {outer};
            long[] groups = Launches.itemGroups(ctx, global);
            return io -> {
                k.arg(0, io.input(0)).arg(1, affine ? w : io.input(0)).arg(2, affine ? b : io.input(0))
                        .arg(3, io.output(0)).ints(4, outer, d, inner);
                io.launch(k, global, groups);
            };
        }
        ClKernel k = ctx.kernel("norm/layer_norm", "layer_norm", defines);
        return Launches.elementwise(k, ctx, (long) outer * inner, io -> k.arg(0, io.input(0))
                .arg(1, affine ? w : io.input(0)).arg(2, affine ? b : io.input(0)).arg(3, io.output(0))
                .ints(4, outer, d, inner));
    }
}
