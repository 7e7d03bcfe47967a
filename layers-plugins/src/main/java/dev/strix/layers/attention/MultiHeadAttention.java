package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code multi_head_attention}: ViT-style self-attention over x [N,L,E]. Queries, keys and values are projections of
 * x, split into {@code num_heads} heads of E/heads channels; each head computes softmax(Q·Kᵀ/√d)·V; the heads are
 * concatenated and projected. The parameter names follow the source the weights come from ({@code layout}):
 * <ul>
 *   <li>{@code torch}: nn.MultiheadAttention — {@code in_proj_weight} [3E,E], {@code in_proj_bias} [3E],
 *       {@code out_proj.weight} [E,E], {@code out_proj.bias} [E];</li>
 *   <li>{@code timm}: timm's Attention — {@code qkv.weight} [3E,E], {@code qkv.bias}, {@code proj.weight},
 *       {@code proj.bias};</li>
 *   <li>{@code separate}: {@code q.weight}, {@code q.bias}, {@code k.*}, {@code v.*}, {@code proj.*}.</li>
 * </ul>
 * With {@code bias = false} no projection has a bias, as nn.MultiheadAttention(bias=False).
 */
public final class MultiHeadAttention implements LayerType {
    public static final String NAME = "multi_head_attention";

    /** Where the q, k, v and output projections live for one layout. */
    private record Layout(String[] qkvWeights, String[] qkvBiases, String projWeight, String projBias,
            boolean torch) {
        boolean packed() {
            return qkvWeights.length == 1;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multi-head self-attention with packed or separate q/k/v projections (ViT)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 3, "[N,L,E]");
        Require.heads(a, x, 2, "embedding dim");
        layout(a);
        a.getBoolean("bias", true);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int e = inputs.get(0).dim(2);
        Layout layout = layout(a);
        boolean bias = a.getBoolean("bias", true);
        // nn.MultiheadAttention initialises in_proj_weight with Xavier and its biases with zeros; nn.Linear
        // (timm, separate) uses fan-in uniform for both.
        Init weightInit = layout.torch() ? Init.xavier() : Init.fanInUniform();
        Init biasInit = layout.torch() ? Init.zeros() : Init.uniform(1 / Math.sqrt(e));
        List<ParamSpec> specs = new ArrayList<>();
        if (layout.packed()) {
            specs.add(ParamSpec.weight(layout.qkvWeights()[0], Shape.of(3 * e, e), weightInit));
            if (bias) {
                specs.add(ParamSpec.weight(layout.qkvBiases()[0], Shape.of(3 * e), biasInit));
            }
        } else {
            for (int i = 0; i < 3; i++) {
                specs.add(ParamSpec.weight(layout.qkvWeights()[i], Shape.of(e, e), weightInit));
                if (bias) {
                    specs.add(ParamSpec.weight(layout.qkvBiases()[i], Shape.of(e), biasInit));
                }
            }
        }
        specs.add(ParamSpec.weight(layout.projWeight(), Shape.of(e, e), Init.fanInUniform()));
        if (bias) {
            specs.add(ParamSpec.weight(layout.projBias(), Shape.of(e), biasInit));
        }
        return specs;
    }

    /** 4·N·L·E² for the four projections plus 2·N·L²·E for the two attention products. */
    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Shape x = inputs.get(0);
        long n = x.dim(0);
        long l = x.dim(1);
        long e = x.dim(2);
        return 4 * n * l * e * e + 2 * n * l * l * e;
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        int n = x.shape().dim(0);
        int len = x.shape().dim(1);
        int e = x.shape().dim(2);
        int heads = call.attributes().getInt("num_heads");
        int d = e / heads;
        Layout layout = layout(call.attributes());
        int rows = n * len;
        float[][] qkv = new float[3][];
        for (int i = 0; i < 3; i++) {
            String w = layout.packed() ? layout.qkvWeights()[0] : layout.qkvWeights()[i];
            String b = layout.packed() ? layout.qkvBiases()[0] : layout.qkvBiases()[i];
            int offset = layout.packed() ? i : 0;
            Tensor bias = call.optionalParam(b);
            qkv[i] = Projection.apply(x.data(), rows, e, call.param(w).data(), offset * e * e, e,
                    bias == null ? null : bias.data(), offset * e);
        }
        float[] attended = new float[rows * e];
        double scale = 1 / Math.sqrt(d);
        Parallel.forRange(n * heads, job -> {
            int batch = job / heads;
            int col = (job % heads) * d;
            ScaledDotProduct.head(new ScaledDotProduct.Columns(qkv[0], e, col),
                    new ScaledDotProduct.Columns(qkv[1], e, col), new ScaledDotProduct.Columns(qkv[2], e, col),
                    new ScaledDotProduct.Columns(attended, e, col), batch * len, len, d, scale, null);
        });
        Tensor projBias = call.optionalParam(layout.projBias());
        float[] y = Projection.apply(attended, rows, e, call.param(layout.projWeight()).data(), 0, e,
                projBias == null ? null : projBias.data(), 0);
        return List.of(Tensor.of(call.outputShapes().get(0), y));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("torch layout, 2 heads", Attributes.builder().put("num_heads", 2).build(),
                        Shape.of(2, 5, 8)),
                LayerExample.of("timm layout, 4 heads", Attributes.builder().put("num_heads", 4)
                        .put("layout", "timm").build(), Shape.of(1, 7, 16)),
                LayerExample.of("separate, no bias", Attributes.builder().put("num_heads", 3)
                        .put("layout", "separate").put("bias", false).build(), Shape.of(2, 4, 6)),
                LayerExample.of("one head", Attributes.builder().put("num_heads", 1).build(), Shape.of(1, 3, 4)));
    }

    private static Layout layout(Attributes a) {
        return switch (LayerChecks.oneOf(a, "layout", "torch", "torch", "timm", "separate")) {
            case "torch" -> new Layout(new String[] {"in_proj_weight"}, new String[] {"in_proj_bias"},
                    "out_proj.weight", "out_proj.bias", true);
            case "timm" -> new Layout(new String[] {"qkv.weight"}, new String[] {"qkv.bias"}, "proj.weight",
                    "proj.bias", false);
            default -> new Layout(new String[] {"q.weight", "k.weight", "v.weight"},
                    new String[] {"q.bias", "k.bias", "v.bias"}, "proj.weight", "proj.bias", false);
        };
    }
}
