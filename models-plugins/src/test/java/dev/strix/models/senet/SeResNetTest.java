package dev.strix.models.senet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SE-ResNet-50 and SE-ResNeXt-50 against Hu et al. 2018's Table 1 and timm's counts. */
class SeResNetTest {
    private static final Registry REGISTRY = Strix.registry();

    @Test
    void seResNet50IsResNet50PlusTheSeModules() {
        Graph se = REGISTRY.model("se_resnet50", ModelOptions.defaults());
        Graph plain = REGISTRY.model("resnet50", ModelOptions.defaults());
        // Per block 2·C·C/16 weights and C/16 + C biases: 3 blocks at C=256, 4 at 512, 6 at 1024, 3 at 2048.
        long seModules = 3 * se(256) + 4 * se(512) + 6 * se(1024) + 3 * se(2048);
        assertThat(seModules).isEqualTo(2_530_992L);
        assertThat(se.parameterCount()).isEqualTo(plain.parameterCount() + seModules).isEqualTo(28_088_024L);
        // The paper's Table 1: ~28.1M.
        assertThat(se.parameterCount() / 1e6).isCloseTo(28.1, within(28.1 * 0.005));
    }

    @Test
    void seResNext50IsResNext50PlusTheSameSeModules() {
        Graph se = REGISTRY.model("se_resnext50_32x4d", ModelOptions.defaults());
        assertThat(se.parameterCount()).isEqualTo(25_028_904L + 2_530_992L);
        assertThat(se.parameters().get("layer1.0.conv2.weight").shape()).isEqualTo(Shape.of(128, 4, 3, 3));
        assertThat(se.parameters().get("layer4.2.conv2.weight").shape()).isEqualTo(Shape.of(1024, 32, 3, 3));
    }

    @Test
    void macsAreResNet50sPlusTheSmallSeCost() {
        Graph se = REGISTRY.model("se_resnet50", ModelOptions.defaults());
        Graph plain = REGISTRY.model("resnet50", ModelOptions.defaults());
        // The SE convolutions act on 1×1 maps: 2·C²/16 MACs per block, 2.5M in all (0.06% of the total).
        long seMacs = 3 * 2 * 256 * 16 + 4 * 2 * 512 * 32 + 6 * 2 * 1024 * 64 + 3 * 2 * 2048 * 128;
        assertThat(se.macs() - plain.macs()).isEqualTo(seMacs).isEqualTo(2_514_944L);
        assertThat(se.macs() / 1e9).isCloseTo(4.09, within(0.01));
    }

    @Test
    void parameterNamesFollowTimmResNet() {
        Map<String, ParamSpec> p = REGISTRY.model("se_resnet50", ModelOptions.defaults()).parameters();
        assertThat(p.get("conv1.weight").shape()).isEqualTo(Shape.of(64, 3, 7, 7));
        assertThat(p.get("layer1.0.se.fc1.weight").shape()).isEqualTo(Shape.of(16, 256, 1, 1));
        assertThat(p.get("layer1.0.se.fc1.bias").shape()).isEqualTo(Shape.of(16));
        assertThat(p.get("layer1.0.se.fc2.weight").shape()).isEqualTo(Shape.of(256, 16, 1, 1));
        assertThat(p.get("layer3.5.se.fc1.weight").shape()).isEqualTo(Shape.of(64, 1024, 1, 1));
        assertThat(p.get("layer4.2.se.fc2.bias").shape()).isEqualTo(Shape.of(2048));
        assertThat(p.get("layer2.0.downsample.0.weight").shape()).isEqualTo(Shape.of(512, 256, 1, 1));
        assertThat(p.get("layer2.0.downsample.1.running_mean").shape()).isEqualTo(Shape.of(512));
        assertThat(p).doesNotContainKey("layer2.1.downsample.0.weight");
        assertThat(p.get("fc.weight").shape()).isEqualTo(Shape.of(1000, 2048));
    }

    @Test
    void reductionIsASixteenthRoundedToEight() {
        assertThat(SqueezeExcitation.reducedChannels(256)).isEqualTo(16);
        assertThat(SqueezeExcitation.reducedChannels(2048)).isEqualTo(128);
        assertThat(SqueezeExcitation.reducedChannels(64)).isEqualTo(8);
    }

    private static long se(long c) {
        long r = c / 16;
        return 2 * c * r + r + c;
    }
}
