package dev.strix.models.resnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Strix;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.WeightBinder;
import dev.strix.api.weights.Weights;
import org.junit.jupiter.api.Test;

class ResNetTest {
    private static final Registry REGISTRY = Strix.registry();

    @Test
    void downsamplingShortcutsSitWhereTorchvisionPutsThem() {
        Graph r18 = REGISTRY.model("resnet18", ModelOptions.defaults());
        assertThat(r18.parameters()).doesNotContainKey("layer1.0.downsample.0.weight")
                .containsKey("layer2.0.downsample.0.weight").doesNotContainKey("layer2.1.downsample.0.weight");
        Graph r50 = REGISTRY.model("resnet50", ModelOptions.defaults());
        // A bottleneck widens 64 to 256 at once, so layer1.0 needs a projection though its stride is 1.
        assertThat(r50.parameters().get("layer1.0.downsample.0.weight").shape().toArray())
                .containsExactly(256, 64, 1, 1);
        assertThat(r50.node("layer4.0.conv2").outputShapes().get(0).toArray()).containsExactly(1, 512, 7, 7);
    }

    @Test
    void resnextAndWideResnetWidenTheThreeByThreeConvolutions() {
        Graph x50 = REGISTRY.model("resnext50_32x4d", ModelOptions.defaults());
        // width = planes · 4/64 · 32 = 128 at layer1, in 32 groups of 4 channels
        assertThat(x50.parameters().get("layer1.0.conv2.weight").shape().toArray()).containsExactly(128, 4, 3, 3);
        assertThat(x50.node("layer1.0.conv2").attributes().getInt("groups")).isEqualTo(32);
        Graph w50 = REGISTRY.model("wide_resnet50_2", ModelOptions.defaults());
        assertThat(w50.parameters().get("layer1.0.conv2.weight").shape().toArray()).containsExactly(128, 128, 3, 3);
    }

    @Test
    void weightsOfAShallowerVariantFailListingTheMissingTensors() {
        Weights r18 = Initializers.initialize(REGISTRY.model("resnet18", ModelOptions.defaults()), 1);
        Graph r34 = REGISTRY.model("resnet34", ModelOptions.defaults());
        assertThatThrownBy(() -> WeightBinder.bind(r34, r18))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("missing (")
                .hasMessageContaining("layer1.2.conv1.weight")
                .hasMessageNotContaining("unexpected");
    }

    @Test
    void weightsOfAnotherBlockKindFailListingMismatchedShapes() {
        Weights r18 = Initializers.initialize(REGISTRY.model("resnet18", ModelOptions.defaults()), 1);
        Graph r50 = REGISTRY.model("resnet50", ModelOptions.defaults());
        assertThatThrownBy(() -> WeightBinder.bind(r50, r18))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("layer1.0.conv1.weight: expected shape [64, 64, 1, 1], found [64, 64, 3, 3]")
                .hasMessageContaining("missing (").hasMessageContaining("layer1.0.conv3.weight");
    }

    @Test
    void tinyInputsStillBuildBecauseEveryStrideIsPadded() {
        Graph g = REGISTRY.model("resnet18", ModelOptions.defaults().withInput(dev.strix.api.Shape.of(3, 16, 16)));
        assertThat(g.node("layer4.1.conv2").outputShapes().get(0).toArray()).containsExactly(1, 512, 1, 1);
    }
}
