package dev.strix.models.googlenet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class GoogLeNetTest {

    @Test
    void auxiliaryHeadsAreOffByDefaultAndTheirWeightsIgnored() {
        Graph g = Strix.registry().model("googlenet", ModelOptions.defaults());
        assertThat(g.outputs()).hasSize(1);
        assertThat(g.ignoredWeightPrefixes()).containsExactly("aux1.", "aux2.");
        assertThat(g.parameters().keySet()).noneMatch(k -> k.startsWith("aux"));
    }

    @Test
    void auxLogitsTrueBuildsBothHeadsAsTorchvisionOrdersThem() {
        Graph g = Strix.registry().model("googlenet", ModelOptions.defaults().withOption("aux_logits", "true"));
        assertThat(g.outputs()).extracting(v -> v.producer()).containsExactly("fc", "aux2.fc2", "aux1.fc2");
        // torchvision's googlenet(aux_logits=True) has 13,004,888 parameters
        assertThat(g.parameterCount()).isEqualTo(13_004_888L);
        assertThat(g.parameters().get("aux2.fc1.weight").shape().toArray()).containsExactly(1024, 2048);
    }

    @Test
    void modulesConcatenateTheirFourBranches() {
        Graph g = Strix.registry().model("googlenet", ModelOptions.defaults());
        assertThat(g.node("inception3a.cat").outputShapes().get(0).toArray()).containsExactly(1, 256, 28, 28);
        assertThat(g.node("inception5b.cat").outputShapes().get(0).toArray()).containsExactly(1, 1024, 7, 7);
    }
}
