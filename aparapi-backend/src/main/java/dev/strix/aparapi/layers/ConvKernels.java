package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.ConvTransposeKernel;
import dev.strix.aparapi.kernels.ResampleKernel;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.layers.Window2d;
import java.util.List;

/** conv2d, conv_transpose2d and upsample. */
final class ConvKernels {
    private ConvKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.of("conv2d", node -> conv2d(node, Epilogue.NONE)),
                Builtin.of("conv_transpose2d", ConvKernels::convTranspose),
                Builtin.of("upsample", ConvKernels::upsample));
    }

    /**
     * conv2d, with a following batch norm folded into its weights and bias when {@code e} carries one, and the
     * residual and activation it carries.
     */
    static void conv2d(NodeContext node, Epilogue e) {
        float[] weight = node.param("weight").data();
        Tensor b = node.optionalParam("bias");
        float[] bias = b == null ? null : b.data();
        if (e.scale() != null) {
            int perChannel = weight.length / e.scale().length;
            float[] w = new float[weight.length];
            float[] folded = new float[e.scale().length];
            for (int oc = 0; oc < folded.length; oc++) {
                double s = e.scale()[oc];
                for (int i = oc * perChannel; i < (oc + 1) * perChannel; i++) {
                    w[i] = (float) (weight[i] * s);
                }
                folded[oc] = (float) ((bias == null ? 0 : bias[oc]) * s + e.shift()[oc]);
            }
            weight = w;
            bias = folded;
        }
        if (e.residual() != null) {
            // Fusion takes a residual only for 1×1 convolutions: matrix products (strided: after a gathering copy).
            Window2d w = Convs.window(node.attributes());
            if (w.strideH() == 1 && w.strideW() == 1) {
                Convs.pointwise(node, node.input(0), node.inputShape(0), weight, bias, node.output(0),
                        node.outputShape(0), e.residual(), e.act(), e.alpha());
            } else {
                Convs.stridedPointwise(node, node.input(0), node.inputShape(0), weight, bias, node.output(0),
                        node.outputShape(0), w, e.residual(), e.act(), e.alpha());
            }
            return;
        }
        Convs.conv(node, node.input(0), node.inputShape(0), weight, bias, node.output(0), node.outputShape(0),
                Convs.window(node.attributes()), node.attributes().getInt("groups", 1), e.act(), e.alpha());
    }

    private static void convTranspose(NodeContext node) {
        Attributes a = node.attributes();
        Window2d w = Window2d.read(a, new int[] {1, 1}, false);
        Shape in = node.inputShape(0);
        Shape out = node.outputShape(0);
        Tensor bias = node.optionalParam("bias");
        ConvTransposeKernel k = new ConvTransposeKernel();
        k.configure(node.input(0), in, node.param("weight").data(), bias == null ? null : bias.data(), node.output(0),
                out, w, node.attributes().getInt("groups", 1), StrixKernel.IDENTITY, 0f);
        k.n = k.y.length;
        Convs.launch(node, k);
    }

    /**
     * Nearest (PyTorch 1.13's legacy rule: src = floor(dst · scale), copy when the size is unchanged) or bilinear
     * (half-pixel or align_corners) resize, as source tables for {@link ResampleKernel}. The scale is 1/factor
     * when a scale_factor is given, else in/out, as PyTorch computes it.
     */
    private static void upsample(NodeContext node) {
        Attributes a = node.attributes();
        Shape in = node.inputShape(0);
        Shape out = node.outputShape(0);
        double[] factors = null;
        if (a.has("scale_factor")) {
            Object raw = a.raw("scale_factor");
            double[] f = raw instanceof Integer || raw instanceof Double ? new double[] {a.getDouble("scale_factor")}
                    : a.getDoubles("scale_factor");
            factors = f.length == 1 ? new double[] {f[0], f[0]} : f;
        }
        boolean nearest = a.getString("mode", "nearest").equals("nearest");
        boolean corners = a.getBoolean("align_corners", false);
        ResampleKernel k = new ResampleKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.height = in.dim(2);
        k.width = in.dim(3);
        k.outHeight = out.dim(2);
        k.outWidth = out.dim(3);
        Axis rows = axis(k.height, k.outHeight, factors == null ? null : factors[0], nearest, corners);
        Axis cols = axis(k.width, k.outWidth, factors == null ? null : factors[1], nearest, corners);
        k.rowLo = rows.lo;
        k.rowHi = rows.hi;
        k.rowFrac = rows.frac;
        k.colLo = cols.lo;
        k.colHi = cols.hi;
        k.colFrac = cols.frac;
        Resamples.launch(node, k);
    }

    private record Axis(int[] lo, int[] hi, float[] frac) {}

    private static Axis axis(int in, int out, Double factor, boolean nearest, boolean alignCorners) {
        int[] lo = new int[out];
        int[] hi = new int[out];
        float[] frac = new float[out];
        float scale = factor != null ? (float) (1.0 / factor) : (float) in / out;
        if (!nearest && alignCorners) {
            scale = out > 1 ? (float) (in - 1) / (out - 1) : 0f;
        }
        for (int i = 0; i < out; i++) {
            if (nearest) {
                lo[i] = out == in ? i : Math.min((int) Math.floor(i * scale), in - 1);
                hi[i] = lo[i];
            } else {
                float src = alignCorners ? scale * i : Math.max(scale * (i + 0.5f) - 0.5f, 0f);
                lo[i] = Math.min((int) src, in - 1);
                hi[i] = Math.min(lo[i] + 1, in - 1);
                frac[i] = Math.min(Math.max(src - lo[i], 0f), 1f);
            }
        }
        return new Axis(lo, hi, frac);
    }
}
