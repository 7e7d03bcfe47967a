package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.AffineKernel;
import dev.strix.aparapi.kernels.LrnKernel;
import dev.strix.aparapi.kernels.NormKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import java.util.List;

/**
 * batch_norm (statistics folded into a per-channel scale and shift on {@link AffineKernel}), layer_norm and
 * group_norm on {@link NormKernel}, local_response_norm on {@link LrnKernel}.
 */
final class NormKernels {
    private NormKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.of("batch_norm", node -> batchNorm(node, Epilogue.NONE)),
                Builtin.of("layer_norm", NormKernels::layerNorm),
                Builtin.of("group_norm", NormKernels::groupNorm),
                Builtin.of("local_response_norm", NormKernels::lrn));
    }

    /** scale = weight / sqrt(var + eps), shift = bias − mean · scale, in double as the reference forward. */
    static float[][] foldBatchNorm(NodeContext node) {
        float[] w = node.param("weight").data();
        float[] b = node.param("bias").data();
        float[] mean = node.param("running_mean").data();
        float[] var = node.param("running_var").data();
        double eps = node.attributes().getDouble("eps", 1e-5);
        float[] scale = new float[w.length];
        float[] shift = new float[w.length];
        for (int c = 0; c < w.length; c++) {
            double s = w[c] / Math.sqrt(var[c] + eps);
            scale[c] = (float) s;
            shift[c] = (float) (b[c] - mean[c] * s);
        }
        return new float[][] {scale, shift};
    }

    static void batchNorm(NodeContext node, Epilogue e) {
        float[][] folded = foldBatchNorm(node);
        Shape x = node.inputShape(0);
        AffineKernel k = new AffineKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.scale = folded[0];
        k.shift = folded[1];
        k.channels = x.dim(1);
        k.inner = (int) x.sizeOf(2, x.rank());
        k.act = e.act();
        k.alpha = e.alpha();
        k.n = k.y.length;
        node.launch(k, k.n).constants(k.scale, k.shift).reads(k.x).writes(k.y);
    }

    private static void layerNorm(NodeContext node) {
        Shape x = node.inputShape(0);
        Attributes a = node.attributes();
        boolean channelsFirst = a.getBoolean("channels_first", false);
        int length;
        int inner;
        if (channelsFirst) {
            length = x.dim(1);
            inner = (int) x.sizeOf(2, x.rank());
        } else {
            length = (int) Shape.of(a.getInts("normalized_shape")).size();
            inner = 1;
        }
        norm(node, length, inner, 1, length, 1, a.getBoolean("elementwise_affine", true));
    }

    private static void groupNorm(NodeContext node) {
        Shape x = node.inputShape(0);
        Attributes a = node.attributes();
        int groups = a.getInt("num_groups");
        int perGroup = x.dim(1) / groups;
        int spatial = (int) x.sizeOf(2, x.rank());
        norm(node, perGroup * spatial, 1, groups, perGroup, spatial, a.getBoolean("affine", true));
    }

    private static void norm(NodeContext node, int length, int inner, int groups, int perGroup, int spatial,
            boolean affine) {
        NormKernel k = new NormKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.length = length;
        k.inner = inner;
        k.groups = groups;
        k.perGroup = perGroup;
        k.spatial = spatial;
        k.affine = affine ? 1 : 0;
        k.weight = affine ? node.param("weight").data() : Gemms.NONE.clone();
        k.bias = affine ? node.param("bias").data() : Gemms.NONE.clone();
        k.eps = (float) node.attributes().getDouble("eps", 1e-5);
        k.n = k.x.length / length;
        node.launch(k, k.n).constants(k.weight, k.bias).reads(k.x).writes(k.y);
    }

    private static void lrn(NodeContext node) {
        Shape x = node.inputShape(0);
        Attributes a = node.attributes();
        LrnKernel k = new LrnKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.channels = x.dim(1);
        k.inner = (int) x.sizeOf(2, x.rank());
        k.size = a.getInt("size");
        k.alpha = (float) a.getDouble("alpha", 1e-4);
        k.beta = (float) a.getDouble("beta", 0.75);
        k.k = (float) a.getDouble("k", 1.0);
        k.n = k.y.length;
        node.launch(k, k.n).reads(k.x).writes(k.y);
    }
}
