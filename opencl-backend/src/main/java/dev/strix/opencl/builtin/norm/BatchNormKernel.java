package dev.strix.opencl.builtin.norm;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.math.ChannelAffineRows;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * A batch norm that could not be folded into a convolution, as a per-channel scale and shift computed at compile
 * time in double ({@code math/channel_affine.cl}).
 */
public final class BatchNormKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "batch_norm";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int c = x.dim(1);
        int inner = (int) x.sizeOf(2, x.rank());
        double eps = ctx.attributes().getDouble("eps", 1e-5);
        float[] w = ctx.param("weight").data();
        float[] b = ctx.param("bias").data();
        float[] mean = ctx.param("running_mean").data();
        float[] var = ctx.param("running_var").data();
        float[] s = new float[c];
        float[] t = new float[c];
        for (int i = 0; i < c; i++) {
            double scale = w[i] / Math.sqrt(var[i] + eps);
            s[i] = (float) scale;
            t[i] = (float) (b[i] - mean[i] * scale);
        }
        ClBuffer sb = ctx.constant("scale", s);
        ClBuffer tb = ctx.constant("shift", t);
        int n = x.elementCount();
        if (Launches.groupTarget(ctx) > 0 && n > 0) {
            return ChannelAffineRows.step(ctx, Defines.of().set("HAS_SHIFT", 1), n, c, inner, sb, tb);
        }
        ClKernel k = ctx.kernel("math/channel_affine", "channel_affine", Defines.of().set("HAS_SHIFT", 1));
        return Launches.elementwise(k, ctx, n,
                io -> k.arg(0, io.input(0)).arg(1, sb).arg(2, tb).arg(3, io.output(0)).ints(4, n, c, inner));
    }
}
