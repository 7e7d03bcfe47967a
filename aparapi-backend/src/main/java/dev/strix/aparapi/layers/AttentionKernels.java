package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.AffineKernel;
import dev.strix.aparapi.kernels.AttentionKernel;
import dev.strix.aparapi.kernels.BinaryKernel;
import dev.strix.aparapi.kernels.MatrixKernel;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.layers.Window2d;
import java.util.List;

/**
 * The transformer layers: patch_embedding (a strided convolution, then a transposing copy), class_token (two
 * copies), position_embedding (a broadcast add), layer_scale (a per-channel scale), multi_head_attention (a
 * packed QKV projection, {@link AttentionKernel}, the output projection).
 */
final class AttentionKernels {
    private AttentionKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.of("patch_embedding", AttentionKernels::patchEmbedding),
                Builtin.of("class_token", AttentionKernels::classToken),
                Builtin.of("position_embedding", AttentionKernels::positionEmbedding),
                Builtin.of("layer_scale", AttentionKernels::layerScale),
                Builtin.of("multi_head_attention", node -> multiHeadAttention(node, Epilogue.NONE)),
                new WindowAttentionKernel());
    }

    private static void patchEmbedding(NodeContext node) {
        Shape x = node.inputShape(0);
        int p = node.attributes().getInt("patch_size");
        int e = node.attributes().getInt("embed_dim");
        int h = x.dim(2) / p;
        int w = x.dim(3) / p;
        int n = x.dim(0);
        Shape grid = Shape.of(n, e, h, w);
        float[] conv = new float[grid.elementCount()];
        Tensor bias = node.optionalParam("bias");
        Convs.conv(node, node.input(0), x, node.param("weight").data(), bias == null ? null : bias.data(), conv, grid,
                new Window2d(p, p, p, p, 1, 1, 0, 0, 0, 0), 1, StrixKernel.IDENTITY, 0f);
        // [N, E, h·w] → [N, h·w, E]
        Copies.copy(node, conv, 0, new int[] {e * h * w, 1, h * w}, node.output(0), 0,
                new int[] {h * w * e, e, 1}, new int[] {n, h * w, e}, false);
    }

    private static void classToken(NodeContext node) {
        Shape x = node.inputShape(0);
        int n = x.dim(0);
        int len = x.dim(1);
        int e = x.dim(2);
        float[] token = node.param(node.attributes().getString("param_name", "class_token")).data();
        int[] yStrides = {(len + 1) * e, e, 1};
        Copies.copy(node, token, 0, new int[] {0, 0, 1}, node.output(0), 0, yStrides, new int[] {n, 1, e}, true);
        Copies.copy(node, node.input(0), 0, new int[] {len * e, e, 1}, node.output(0), e, yStrides,
                new int[] {n, len, e}, true);
    }

    private static void positionEmbedding(NodeContext node) {
        Tensor table = node.param(node.attributes().getString("param_name", "pos_embedding"));
        ArithmeticKernels.broadcast(node, node.input(0), node.inputShape(0), false, table.data(), table.shape(), true,
                BinaryKernel.ADD);
    }

    private static void layerScale(NodeContext node) {
        Shape x = node.inputShape(0);
        int axis = x.normalizeAxis(node.attributes().getInt("axis", -1));
        AffineKernel k = new AffineKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.scale = node.param(node.attributes().getString("param_name", "gamma")).data();
        k.shift = new float[k.scale.length];
        k.channels = x.dim(axis);
        k.inner = (int) x.sizeOf(axis + 1, x.rank());
        k.act = StrixKernel.IDENTITY;
        k.n = k.y.length;
        node.launch(k, k.n).constants(k.scale, k.shift).reads(k.x).writes(k.y);
    }

    /** Multi-head attention; {@code e}'s residual and activation apply to the output projection. */
    static void multiHeadAttention(NodeContext node, Epilogue epilogue) {
        Shape x = node.inputShape(0);
        Attributes a = node.attributes();
        int n = x.dim(0);
        int len = x.dim(1);
        int e = x.dim(2);
        int heads = a.getInt("num_heads");
        String layout = a.getString("layout", "torch");
        float[] qkvWeight;
        float[] qkvBias;
        String projWeight;
        String projBias;
        if (layout.equals("separate")) {
            qkvWeight = concat(node, "q.weight", "k.weight", "v.weight");
            qkvBias = node.optionalParam("q.bias") == null ? null : concat(node, "q.bias", "k.bias", "v.bias");
            projWeight = "proj.weight";
            projBias = "proj.bias";
        } else {
            boolean torch = layout.equals("torch");
            qkvWeight = node.param(torch ? "in_proj_weight" : "qkv.weight").data();
            Tensor b = node.optionalParam(torch ? "in_proj_bias" : "qkv.bias");
            qkvBias = b == null ? null : b.data();
            projWeight = torch ? "out_proj.weight" : "proj.weight";
            projBias = torch ? "out_proj.bias" : "proj.bias";
        }
        int rows = n * len;
        float[] qkv = new float[rows * 3 * e];
        Gemms.linear(node, node.input(0), qkvWeight, qkvBias, qkv, rows, e, 3 * e);
        float[] attended = attend(node, qkv, n, len, e, heads, null, 1);
        Tensor pb = node.optionalParam(projBias);
        MatrixKernel proj = Gemms.linear(node, attended, node.param(projWeight).data(), pb == null ? null : pb.data(),
                node.output(0), rows, e, e);
        proj.act = epilogue.act();
        proj.alpha = epilogue.alpha();
        Gemms.addResidual(node, proj, epilogue.residual());
    }

    /**
     * Attends {@code sequences} sequences of {@code len} tokens to themselves from a packed qkv [sequences·len, 3e]
     * and returns the heads side by side [sequences·len, e]; {@code bias} ([groups, heads, len, len]) may be null.
     */
    static float[] attend(NodeContext node, float[] qkv, int sequences, int len, int e, int heads, float[] bias,
            int groups) {
        AttentionKernel k = new AttentionKernel();
        k.qkv = qkv;
        k.scores = new float[sequences * heads * len * len];
        k.out = new float[sequences * len * e];
        k.bias = bias == null ? Gemms.NONE.clone() : bias;
        k.hasBias = bias == null ? 0 : 1;
        k.biasGroups = groups;
        k.tokens = len;
        k.embed = e;
        k.heads = heads;
        k.scale = (float) (1 / Math.sqrt((double) e / heads));
        k.n = sequences * heads * len;
        node.launch(k, k.n).constants(k.bias).reads(qkv).writes(k.out);
        return k.out;
    }

    private static float[] concat(NodeContext node, String... names) {
        int total = 0;
        for (String name : names) {
            total += node.param(name).data().length;
        }
        float[] out = new float[total];
        int at = 0;
        for (String name : names) {
            float[] d = node.param(name).data();
            System.arraycopy(d, 0, out, at, d.length);
            at += d.length;
        }
        return out;
    }
}
