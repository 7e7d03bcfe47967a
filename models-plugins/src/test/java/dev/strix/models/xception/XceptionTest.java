package dev.strix.models.xception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Xception's block structure (Chollet 2017, Figure 5) and parameter count against Keras and timm. */
class XceptionTest {
    private static final Registry REGISTRY = Strix.registry();
    private static final Graph XCEPTION = REGISTRY.model("xception", ModelOptions.defaults());

    @Test
    void parametersEqualTimmAndWithRunningStatisticsKerasTotal() {
        assertThat(XCEPTION.parameterCount()).isEqualTo(22_855_952L);
        long buffers = XCEPTION.parameters().values().stream().filter(p -> p.kind() == ParamSpec.Kind.BUFFER)
                .mapToLong(p -> p.shape().size()).sum();
        // keras.io lists Xception's total as 22,910,480: weights plus batch norms' moving mean and variance.
        assertThat(XCEPTION.parameterCount() + buffers).isEqualTo(22_910_480L);
    }

    @Test
    void entryFlowHalvesFourTimesAndExitFlowEndsAt2048Channels() {
        assertThat(outputShape("conv2")).isEqualTo(Shape.of(1, 64, 147, 147));
        assertThat(outputShape("block1.add")).isEqualTo(Shape.of(1, 128, 74, 74));
        assertThat(outputShape("block2.add")).isEqualTo(Shape.of(1, 256, 37, 37));
        assertThat(outputShape("block3.add")).isEqualTo(Shape.of(1, 728, 19, 19));
        assertThat(outputShape("block11.add")).isEqualTo(Shape.of(1, 728, 19, 19));
        assertThat(outputShape("block12.add")).isEqualTo(Shape.of(1, 1024, 10, 10));
        assertThat(outputShape("conv4.pointwise")).isEqualTo(Shape.of(1, 2048, 10, 10));
        assertThat(XCEPTION.outputs().get(0).shape()).isEqualTo(Shape.of(1, 1000));
    }

    @Test
    void parameterNamesFollowTimm() {
        Map<String, ParamSpec> p = XCEPTION.parameters();
        // block1 starts without a ReLU, so its first separable conv is rep.0; later blocks open with one.
        assertThat(p.get("block1.rep.0.conv1.weight").shape()).isEqualTo(Shape.of(64, 1, 3, 3));
        assertThat(p.get("block1.rep.0.pointwise.weight").shape()).isEqualTo(Shape.of(128, 64, 1, 1));
        assertThat(p.get("block1.rep.4.running_var").shape()).isEqualTo(Shape.of(128));
        assertThat(p.get("block2.rep.1.pointwise.weight").shape()).isEqualTo(Shape.of(256, 128, 1, 1));
        assertThat(p.get("block2.skip.weight").shape()).isEqualTo(Shape.of(256, 128, 1, 1));
        assertThat(p.get("block2.skipbn.weight").shape()).isEqualTo(Shape.of(256));
        // Middle-flow blocks keep their shape, so they add the input itself.
        assertThat(p.get("block7.rep.7.pointwise.weight").shape()).isEqualTo(Shape.of(728, 728, 1, 1));
        assertThat(p).doesNotContainKey("block7.skip.weight");
        // block12 widens on its last separable conv (grow_first=False).
        assertThat(p.get("block12.rep.1.pointwise.weight").shape()).isEqualTo(Shape.of(728, 728, 1, 1));
        assertThat(p.get("block12.rep.4.pointwise.weight").shape()).isEqualTo(Shape.of(1024, 728, 1, 1));
        assertThat(p.get("conv3.conv1.weight").shape()).isEqualTo(Shape.of(1024, 1, 3, 3));
        assertThat(p.get("bn4.weight").shape()).isEqualTo(Shape.of(2048));
        assertThat(p.get("fc.weight").shape()).isEqualTo(Shape.of(1000, 2048));
        assertThat(p.keySet()).allMatch(k -> k.matches("(conv[1-4]|bn[1-4]|block\\d+|fc)(\\..*)?"));
    }

    @Test
    void classesAndBatchAreOptions() {
        Graph g = REGISTRY.model("xception", ModelOptions.defaults().withClasses(10).withBatch(3));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(3, 10));
        assertThat(g.parameters().get("fc.weight").shape()).isEqualTo(Shape.of(10, 2048));
    }

    @Test
    void tooSmallAnInputFailsNamingTheNodeWhereItCollapsed() {
        assertThatThrownBy(() -> REGISTRY.model("xception", ModelOptions.defaults().withInput(Shape.of(3, 5, 5))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("'conv2'");
    }

    private static Shape outputShape(String node) {
        return XCEPTION.node(node).outputShapes().get(0);
    }
}
