package dev.strix.opencl.builtin.resample;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * upsample, nearest or bilinear. The source index tables are computed at compile time exactly as PyTorch 1.13 (and
 * the reference layer) computes them — scale 1/scale_factor when a factor is given, else in/out, in float — and the
 * kernel ({@code resample/upsample.cl}) only interpolates.
 */
public final class UpsampleKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "upsample";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        Shape y = ctx.outputShape(0);
        Attributes a = ctx.attributes();
        boolean nearest = a.getString("mode", "nearest").equals("nearest");
        boolean corners = a.getBoolean("align_corners", false);
        double[] f = factors(a);
        ClBuffer rows = ctx.constant("rows", axis(x.dim(2), y.dim(2), f == null ? null : f[0], nearest, corners));
        ClBuffer cols = ctx.constant("cols", axis(x.dim(3), y.dim(3), f == null ? null : f[1], nearest, corners));
        ClKernel k = ctx.kernel("resample/upsample", "resize", Defines.of());
        int ho = y.dim(2);
        int wo = y.dim(3);
        return Launches.planes(k, ctx, (long) ho * wo, (long) x.dim(0) * x.dim(1), io -> k.arg(0, io.input(0))
                .arg(1, io.output(0)).arg(2, rows).arg(3, cols).ints(4, x.dim(2), x.dim(3), ho, wo));
    }

    private static double[] factors(Attributes a) {
        if (!a.has("scale_factor")) {
            return null;
        }
        double[] f = a.raw("scale_factor") instanceof Integer i ? new double[] {i} : a.getDoubles("scale_factor");
        return f.length == 1 ? new double[] {f[0], f[0]} : f;
    }

    /** [lo × out, hi × out, weight-of-hi × out] for one axis. */
    static float[] axis(int in, int out, Double factor, boolean nearest, boolean corners) {
        float[] t = new float[3 * out];
        float scale = factor != null ? (float) (1.0 / factor) : (float) in / out;
        if (nearest) {
            for (int i = 0; i < out; i++) {
                int idx = out == in ? i : out == 2 * in ? i >> 1 : Math.min((int) Math.floor((float) i * scale), in - 1);
                t[i] = idx;
                t[out + i] = idx;
            }
            return t;
        }
        if (corners) {
            scale = out > 1 ? (float) (in - 1) / (out - 1) : 0f;
        }
        for (int i = 0; i < out; i++) {
            float src = corners ? scale * i : Math.max(scale * (i + 0.5f) - 0.5f, 0f);
            int lo = Math.min((int) src, in - 1);
            int hi = Math.min(lo + 1, in - 1);
            t[i] = lo;
            t[out + i] = hi;
            t[2 * out + i] = Math.min(Math.max(src - lo, 0f), 1f);
        }
        return t;
    }
}
