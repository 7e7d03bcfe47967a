package dev.strix.models.convnext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

/**
 * ConvNeXt's stage layout and bad input. Counts and MACs are in ReferenceCountsTest, names in
 * TorchvisionNamesTest, numerics in the equivalence tests.
 */
class ConvNextTest {
    private static final Registry REGISTRY = Strix.registry();

    @Test
    void stagesSitAtOddFeatureIndicesWithDownsamplingBetween() {
        Graph g = REGISTRY.model("convnext_base", ModelOptions.defaults());
        assertThat(out(g, "features.0.1")).isEqualTo(Shape.of(1, 128, 56, 56));
        assertThat(out(g, "features.1.2.add")).isEqualTo(Shape.of(1, 128, 56, 56));
        assertThat(out(g, "features.2.1")).isEqualTo(Shape.of(1, 256, 28, 28));
        assertThat(out(g, "features.5.26.add")).isEqualTo(Shape.of(1, 512, 14, 14));
        assertThat(out(g, "features.7.2.add")).isEqualTo(Shape.of(1, 1024, 7, 7));
        assertThat(g.node("features.8.0")).isNull();
        assertThat(g.parameters().get("features.3.1.layer_scale").shape()).isEqualTo(Shape.of(256, 1, 1));
        assertThat(g.parameters().get("features.3.1.block.0.weight").shape()).isEqualTo(Shape.of(256, 1, 7, 7));
        assertThat(g.parameters().get("features.3.1.block.3.weight").shape()).isEqualTo(Shape.of(1024, 256));
        assertThat(g.parameters().get("classifier.2.weight").shape()).isEqualTo(Shape.of(1000, 1024));
    }

    @Test
    void stochasticDepthRisesLinearlyOverTheBlocks() {
        Graph g = REGISTRY.model("convnext_tiny", ModelOptions.defaults());
        assertThat(g.node("features.1.0.stochastic_depth").attributes().getDouble("p")).isZero();
        assertThat(g.node("features.7.2.stochastic_depth").attributes().getDouble("p")).isEqualTo(0.1);
    }

    @Test
    void anInputBelow32PixelsFailsWhereTheMapCollapses() {
        assertThat(REGISTRY.model("convnext_tiny", ModelOptions.defaults().withInput(Shape.of(3, 32, 32)))
                .outputs().get(0).shape()).isEqualTo(Shape.of(1, 1000));
        assertThatThrownBy(() -> REGISTRY.model("convnext_tiny", ModelOptions.defaults().withInput(Shape.of(3, 31, 31))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("'features.6.1'");
    }

    private static Shape out(Graph g, String node) {
        assertThat(g.node(node)).as(node).isNotNull();
        return g.node(node).outputShapes().get(0);
    }
}
