package dev.strix.layers.block;

import static dev.strix.layers.attention.TestGraphs.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.layers.GoldenCheck;
import dev.strix.layers.Layers;
import dev.strix.layers.attention.TestGraphs;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SqueezeExcitationTest {
    private static final Attributes TIMM = Attributes.builder().put("reduced_channels", 3).put("activation", "silu")
            .put("gate", "hard_sigmoid").put("reduce_name", "conv_reduce").put("expand_name", "conv_expand").build();

    @TestFactory
    Stream<DynamicTest> matchesTorchvision() {
        return GoldenCheck.cases("squeeze_excitation");
    }

    @Test
    void declaresTheParametersOfItsExpansion() {
        Graph g = Layers.graph("squeeze_excitation", TIMM, Shape.of(2, 6, 5, 4));
        Graph lowered = g.lowered();
        assertThat(shapes(lowered.parameters())).isEqualTo(shapes(g.parameters()));
        assertThat(g.parameters()).containsOnlyKeys("node.conv_reduce.weight", "node.conv_reduce.bias",
                "node.conv_expand.weight", "node.conv_expand.bias");
        assertThat(g.parameters().get("node.conv_reduce.weight").shape()).isEqualTo(Shape.of(3, 6, 1, 1));
        assertThat(lowered.nodes().stream().map(n -> n.name() + ":" + n.type().name()))
                .containsExactly("node.avgpool:global_avg_pool", "node.conv_reduce:conv2d", "node.activation:silu",
                        "node.conv_expand:conv2d", "node.scale_activation:hard_sigmoid", "node.scale:mul");
        assertThat(lowered.nodes()).noneMatch(n -> n.type().isComposite());
        assertThat(lowered.macs()).isEqualTo(g.macs()).isEqualTo(2L * 2 * 6 * 3);
    }

    @Test
    void loweredGraphGivesTheSameOutputAsTheCompositeAndAsTheGateWorkedByHand() {
        Shape shape = Shape.of(2, 6, 5, 4);
        Graph g = Layers.graph("squeeze_excitation", TIMM, shape);
        Weights w = Initializers.initialize(g, 11);
        Tensor x = Tensors.random(shape, 3);
        Tensor composite = TestGraphs.run(g, w, List.of(x)).get(0);
        Tensor lowered = TestGraphs.run(g.lowered(), w, List.of(x)).get(0);
        assertThat(lowered.data()).containsExactly(composite.data());
        assertThat(Tensors.relativeL2(composite, byHand(x, w))).isLessThanOrEqualTo(1e-6);
    }

    /** silu(conv_reduce(mean)) → conv_expand → hard_sigmoid → scale, in double, one image and channel at a time. */
    private static Tensor byHand(Tensor x, Weights w) {
        float[] w1 = w.get("node.conv_reduce.weight").data();
        float[] b1 = w.get("node.conv_reduce.bias").data();
        float[] w2 = w.get("node.conv_expand.weight").data();
        float[] b2 = w.get("node.conv_expand.bias").data();
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int hw = x.shape().dim(2) * x.shape().dim(3);
        int r = b1.length;
        float[] y = new float[x.data().length];
        for (int i = 0; i < n; i++) {
            double[] mean = new double[c];
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < hw; p++) {
                    mean[ch] += x.data()[(i * c + ch) * hw + p] / (double) hw;
                }
            }
            double[] hidden = new double[r];
            for (int k = 0; k < r; k++) {
                double v = b1[k];
                for (int ch = 0; ch < c; ch++) {
                    v += w1[k * c + ch] * mean[ch];
                }
                hidden[k] = v / (1 + Math.exp(-v));
            }
            for (int ch = 0; ch < c; ch++) {
                double v = b2[ch];
                for (int k = 0; k < r; k++) {
                    v += w2[ch * r + k] * hidden[k];
                }
                double gate = Math.min(1, Math.max(0, v / 6 + 0.5));
                for (int p = 0; p < hw; p++) {
                    int at = (i * c + ch) * hw + p;
                    y[at] = (float) (x.data()[at] * gate);
                }
            }
        }
        return Tensor.of(x.shape(), y);
    }

    @Test
    void rejectsBadConfigurations() {
        Shape x = Shape.of(1, 8, 4, 4);
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 0).build(), x,
                "reduced_channels", "0");
        rejects("squeeze_excitation", Attributes.empty(), x, "reduced_channels", "missing");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("gate", "softmax")
                .build(), x, "gate", "softmax");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("activation", "swish")
                .build(), x, "activation", "swish");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("expand_name", "fc1")
                .build(), x, "reduce_name", "expand_name", "fc1");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).build(), Shape.of(8, 4, 4),
                "rank 4", "[8, 4, 4]");
    }

    private static Map<String, Shape> shapes(Map<String, ParamSpec> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().shape()));
    }
}
