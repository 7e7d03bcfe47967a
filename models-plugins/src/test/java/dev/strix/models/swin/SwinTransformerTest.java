package dev.strix.models.swin;

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
 * Swin's stages, shifts and padding at other input sizes, and bad input. Counts and MACs are in
 * ReferenceCountsTest, names in TorchvisionNamesTest, numerics in the equivalence tests.
 */
class SwinTransformerTest {
    private static final Registry REGISTRY = Strix.registry();

    @Test
    void stagesHalveTheGridAndDoubleTheChannels() {
        Graph g = REGISTRY.model("swin_t", ModelOptions.defaults());
        assertThat(out(g, "features.0.2")).isEqualTo(Shape.of(1, 56, 56, 96));
        assertThat(out(g, "features.1.1.add_2")).isEqualTo(Shape.of(1, 56, 56, 96));
        assertThat(out(g, "features.2.reduction")).isEqualTo(Shape.of(1, 28, 28, 192));
        assertThat(out(g, "features.5.5.add_2")).isEqualTo(Shape.of(1, 14, 14, 384));
        assertThat(out(g, "features.7.1.add_2")).isEqualTo(Shape.of(1, 7, 7, 768));
        assertThat(g.node("features.5.6.add_2")).isNull();
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(1, 1000));
    }

    @Test
    void everySecondBlockShiftsByHalfAWindowWithStochasticDepthRisingLinearly() {
        Graph g = REGISTRY.model("swin_s", ModelOptions.defaults());
        assertThat(g.node("features.5.0.attn").attributes().getInt("shift_size")).isZero();
        assertThat(g.node("features.5.1.attn").attributes().getInt("shift_size")).isEqualTo(3);
        assertThat(g.node("features.1.0.stochastic_depth_1").attributes().getDouble("p")).isZero();
        // swin_s: 24 blocks, probability 0.3 · i / 23; block 13 is features.5.9.
        assertThat(g.node("features.5.9.stochastic_depth_2").attributes().getDouble("p")).isEqualTo(0.3 * 13 / 23);
        assertThat(g.node("features.7.1.stochastic_depth_2").attributes().getDouble("p")).isEqualTo(0.3);
    }

    @Test
    void oddGridsArePaddedBeforeMergingAsTorchvisionDoes() {
        // 200×200 gives a 50×50 patch grid, then 25×25: the second merging pads to 26×26.
        Graph g = REGISTRY.model("swin_t", ModelOptions.defaults().withInput(Shape.of(3, 200, 200)).withClasses(3));
        assertThat(g.node("features.2.pad")).isNull();
        assertThat(out(g, "features.4.pad")).isEqualTo(Shape.of(1, 192, 26, 26));
        assertThat(out(g, "features.4.reduction")).isEqualTo(Shape.of(1, 13, 13, 384));
        assertThat(out(g, "features.6.reduction")).isEqualTo(Shape.of(1, 7, 7, 768));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(1, 3));
        // Parameters do not depend on the input size: the bias tables are per window.
        assertThat(g.parameterCount()).isEqualTo(28_288_354L - 768 * 1000 - 1000 + 768 * 3 + 3);
    }

    @Test
    void anInputSmallerThanOnePatchFailsAtTheStem() {
        assertThatThrownBy(() -> REGISTRY.model("swin_t", ModelOptions.defaults().withInput(Shape.of(3, 3, 64))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("'features.0.0'");
    }

    private static Shape out(Graph g, String node) {
        assertThat(g.node(node)).as(node).isNotNull();
        return g.node(node).outputShapes().get(0);
    }
}
