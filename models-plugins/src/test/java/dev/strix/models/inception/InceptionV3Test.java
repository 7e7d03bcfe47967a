package dev.strix.models.inception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class InceptionV3Test {

    @Test
    void theAuxiliaryHeadIsLeftOutByDefaultAndItsWeightsIgnored() {
        Graph g = Strix.registry().model("inception_v3", ModelOptions.defaults());
        assertThat(g.outputs()).hasSize(1);
        assertThat(g.parameters().keySet()).noneMatch(k -> k.startsWith("AuxLogits."));
        assertThat(g.ignoredWeightPrefixes()).containsExactly("AuxLogits.");
        // torchvision's 27,161,264 less the head: conv0 (128·768 + 2·128), conv1 (768·128·25 + 2·768), fc 769,000
        assertThat(g.parameterCount()).isEqualTo(27_161_264L - 98_560 - 2_459_136 - 769_000);
    }

    @Test
    void auxLogitsTrueAddsTheHeadAsASecondOutput() {
        Graph g = Strix.registry().model("inception_v3", ModelOptions.defaults().withOption("aux_logits", "true"));
        assertThat(g.outputs()).hasSize(2);
        assertThat(g.outputs().get(1).producer()).isEqualTo("AuxLogits.fc");
        assertThat(g.ignoredWeightPrefixes()).isEmpty();
        assertThat(g.parameters().get("AuxLogits.conv1.conv.weight").shape().toArray())
                .containsExactly(768, 128, 5, 5);
    }

    @Test
    void theDefaultGraphRunsAt299AndMacsMatchTorchvision() {
        Graph g = Strix.registry().model("inception_v3", ModelOptions.defaults());
        assertThat(g.inputs().get(0).shape().toArray()).containsExactly(1, 3, 299, 299);
        assertThat(g.node("Mixed_7c.cat").outputShapes().get(0).toArray()).containsExactly(1, 2048, 8, 8);
        assertThat(g.macs() / 1e9).isBetween(5.713 * 0.98, 5.713 * 1.02);
    }

    @Test
    void belowSeventyFivePixelsTheFirstNodeToCollapseIsNamed() {
        assertThat(Strix.registry().model("inception_v3", ModelOptions.defaults().withInput(Shape.of(3, 75, 75)))
                .node("Mixed_7a.branch3x3_2.conv").outputShapes().get(0).toArray()).containsExactly(1, 320, 1, 1);
        // 74 pixels: Mixed_6a leaves 2×2, too small for Mixed_7a's first 3×3 stride-2 conv.
        assertThatThrownBy(() -> Strix.registry().model("inception_v3",
                ModelOptions.defaults().withInput(Shape.of(3, 74, 74))))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("node 'Mixed_7a.branch3x3_2.conv' (conv2d)");
    }
}
