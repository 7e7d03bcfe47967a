package dev.strix.models.alexnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class AlexNetTest {

    private static int side(Graph g, String node) {
        return g.node(node).outputShapes().get(0).dim(3);
    }

    @Test
    void originalAlexNetHasThePaperMapSizesAndCaffesCount() {
        Graph g = Strix.registry().model("alexnet_original", ModelOptions.defaults());
        assertThat(g.inputs().get(0).shape().toArray()).containsExactly(1, 3, 227, 227);
        assertThat(side(g, "features.0")).isEqualTo(55);
        assertThat(side(g, "features.3")).isEqualTo(27);
        assertThat(side(g, "features.7")).isEqualTo(13);
        assertThat(side(g, "features.14")).isEqualTo(6);
        assertThat(g.node("features.2").type().name()).isEqualTo("local_response_norm");
        assertThat(g.node("features.2").attributes().getDouble("k")).isEqualTo(2.0);
        // two-tower convolutions: conv2, conv4, conv5 see half the channels
        assertThat(g.parameters().get("features.4.weight").shape().toArray()).containsExactly(256, 48, 5, 5);
        assertThat(g.parameters().get("features.10.weight").shape().toArray()).containsExactly(384, 192, 3, 3);
        // 34,944 + 307,456 + 885,120 + 663,936 + 442,624 + 37,752,832 + 16,781,312 + 4,097,000 (Caffe's bvlc_alexnet)
        assertThat(g.parameterCount()).isEqualTo(60_965_224L);
    }

    @Test
    void zfnetHasTheMapSizesOfItsFigureThree() {
        Graph g = Strix.registry().model("zfnet", ModelOptions.defaults());
        assertThat(side(g, "features.0")).isEqualTo(110);
        assertThat(side(g, "features.2")).isEqualTo(55);
        assertThat(g.node("features.3").type().name()).isEqualTo("local_response_norm");
        assertThat(side(g, "features.4")).isEqualTo(26);
        assertThat(side(g, "features.6")).isEqualTo(13);
        assertThat(side(g, "features.14")).isEqualTo(6);
        assertThat(g.parameters().get("features.10.weight").shape().toArray()).containsExactly(1024, 512, 3, 3);
        assertThat(g.parameterCount()).isEqualTo(14_208L + 614_656 + 1_180_160 + 4_719_616 + 4_719_104
                + 75_501_568 + 16_781_312 + 4_097_000);
    }

    @Test
    void torchvisionsAlexNetPoolsAdaptivelyToSixBySix() {
        Graph g = Strix.registry().model("alexnet", ModelOptions.defaults().withInput(dev.strix.api.Shape.of(3, 96,
                96)));
        assertThat(g.node("avgpool").outputShapes().get(0).toArray()).containsExactly(1, 256, 6, 6);
        assertThat(g.parameterCount()).isEqualTo(61_100_840L);
    }
}
