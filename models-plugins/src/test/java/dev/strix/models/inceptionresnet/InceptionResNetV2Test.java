package dev.strix.models.inceptionresnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.models.common.Net;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inception-ResNet-v2's structure (Szegedy et al. 2016, Figures 9–18) and its count against Keras and timm. */
class InceptionResNetV2Test {
    private static final Registry REGISTRY = Strix.registry();
    private static final Graph NET = REGISTRY.model("inception_resnet_v2", ModelOptions.defaults());

    @Test
    void parametersEqualTimmAndKerasTotalWhoseBatchNormsHaveNoScale() {
        assertThat(NET.parameterCount()).isEqualTo(55_843_464L);
        long bnChannels = NET.parameters().entrySet().stream().filter(e -> e.getKey().endsWith(".running_mean"))
                .mapToLong(e -> e.getValue().shape().size()).sum();
        // PyTorch's batch norms train γ and β; Keras's here (scale=False) count β, moving mean and moving variance.
        assertThat(bnChannels).isEqualTo(30_272L);
        assertThat(NET.parameterCount() - 2 * bnChannels + 3 * bnChannels).isEqualTo(55_873_736L);
    }

    @Test
    void gridsAndWidthsFollowThePaper() {
        assertThat(out("conv2d_1a.relu")).isEqualTo(Shape.of(1, 32, 149, 149));
        assertThat(out("conv2d_2b.relu")).isEqualTo(Shape.of(1, 64, 147, 147));
        assertThat(out("conv2d_4a.relu")).isEqualTo(Shape.of(1, 192, 71, 71));
        assertThat(out("mixed_5b.cat")).isEqualTo(Shape.of(1, 320, 35, 35));
        assertThat(out("repeat.9.relu")).isEqualTo(Shape.of(1, 320, 35, 35));
        assertThat(out("mixed_6a.cat")).isEqualTo(Shape.of(1, 1088, 17, 17));
        assertThat(out("repeat_1.19.relu")).isEqualTo(Shape.of(1, 1088, 17, 17));
        assertThat(out("mixed_7a.cat")).isEqualTo(Shape.of(1, 2080, 8, 8));
        assertThat(out("block8.add")).isEqualTo(Shape.of(1, 2080, 8, 8));
        assertThat(out("conv2d_7b.relu")).isEqualTo(Shape.of(1, 1536, 8, 8));
        assertThat(NET.outputs().get(0).shape()).isEqualTo(Shape.of(1, 1000));
        // 10 × A, 20 × B, 9 × C with ReLU and a last C without.
        assertThat(NET.node("repeat.10.add")).isNull();
        assertThat(NET.node("repeat_1.20.add")).isNull();
        assertThat(NET.node("repeat_2.8.relu")).isNotNull();
        assertThat(NET.node("repeat_2.9.add")).isNull();
        assertThat(NET.node("block8.relu")).isNull();
    }

    @Test
    void parameterNamesFollowTimm() {
        Map<String, ParamSpec> p = NET.parameters();
        assertThat(p.get("conv2d_1a.conv.weight").shape()).isEqualTo(Shape.of(32, 3, 3, 3));
        assertThat(p.get("mixed_5b.branch3.1.conv.weight").shape()).isEqualTo(Shape.of(64, 192, 1, 1));
        assertThat(p.get("repeat.0.branch2.2.conv.weight").shape()).isEqualTo(Shape.of(64, 48, 3, 3));
        assertThat(p.get("repeat.0.conv2d.weight").shape()).isEqualTo(Shape.of(320, 128, 1, 1));
        assertThat(p.get("repeat.0.conv2d.bias").shape()).isEqualTo(Shape.of(320));
        assertThat(p.get("repeat_1.7.branch1.1.conv.weight").shape()).isEqualTo(Shape.of(160, 128, 1, 7));
        assertThat(p.get("repeat_1.7.branch1.2.conv.weight").shape()).isEqualTo(Shape.of(192, 160, 7, 1));
        assertThat(p.get("repeat_2.8.branch1.1.bn.running_var").shape()).isEqualTo(Shape.of(224));
        assertThat(p.get("block8.conv2d.weight").shape()).isEqualTo(Shape.of(2080, 448, 1, 1));
        assertThat(p.get("mixed_7a.branch2.2.conv.weight").shape()).isEqualTo(Shape.of(320, 288, 3, 3));
        assertThat(p.get("classif.weight").shape()).isEqualTo(Shape.of(1000, 1536));
        assertThat(p).doesNotContainKey("mixed_6a.branch2.weight");
    }

    @Test
    void residualIsScaledBeforeTheAddition() {
        // Without the final ReLU a block computes x + s·branch(x): with the same weights, the scaled block's
        // residual must be s times the unscaled one's.
        Tensor x = Tensors.random(Shape.of(1, 2080, 3, 3), 7);
        Tensor scaled = runBlock8(0.2, x);
        Tensor unscaled = runBlock8(1.0, x);
        float[] expected = new float[x.data().length];
        float[] actual = new float[x.data().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 0.2f * (unscaled.data()[i] - x.data()[i]);
            actual[i] = scaled.data()[i] - x.data()[i];
        }
        assertThat(Tensors.relativeL2(Tensor.of(x.shape(), actual), Tensor.of(x.shape(), expected)))
                .isLessThan(1e-5);
    }

    private static Tensor runBlock8(double scale, Tensor x) {
        GraphBuilder b = new GraphBuilder(REGISTRY);
        Value in = b.input("input", x.shape());
        Value y = ResidualInceptionBlock.block8(scale, false).apply(new Net(b).scope("block8"), in);
        Graph g = b.build(y);
        Weights w = Initializers.initialize(g, 11);
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            return s.run(List.of(x)).get(0);
        }
    }

    private static Shape out(String node) {
        assertThat(NET.node(node)).as(node).isNotNull();
        return NET.node(node).outputShapes().get(0);
    }
}
