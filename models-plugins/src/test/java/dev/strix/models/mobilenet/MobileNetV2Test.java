package dev.strix.models.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class MobileNetV2Test {

    @Test
    void widthsRoundToMultiplesOfEightAsTorchvisionDoes() {
        assertThat(MobileNetV2.makeDivisible(32 * 0.75)).isEqualTo(24);
        assertThat(MobileNetV2.makeDivisible(16 * 0.35)).isEqualTo(8);
        assertThat(MobileNetV2.makeDivisible(24 * 0.35)).isEqualTo(8);
        // 33.6 rounds down to 32 (within 10%); 20 is halfway and rounds up to 24
        assertThat(MobileNetV2.makeDivisible(96 * 0.35)).isEqualTo(32);
        assertThat(MobileNetV2.makeDivisible(20)).isEqualTo(24);
    }

    @Test
    void widthMultiplierMatchesTorchvisionCounts() {
        // torchvision mobilenet_v2(width_mult=0.5) and (width_mult=1.4): 1,968,680 and 6,108,776 parameters
        assertThat(Strix.registry().model("mobilenet_v2", ModelOptions.defaults().withWidth(0.5)).parameterCount())
                .isEqualTo(1_968_680L);
        assertThat(Strix.registry().model("mobilenet_v2", ModelOptions.defaults().withWidth(1.4)).parameterCount())
                .isEqualTo(6_108_776L);
    }

    @Test
    void residualsOnlyWhereStrideIsOneAndWidthUnchanged() {
        Graph g = Strix.registry().model("mobilenet_v2", ModelOptions.defaults());
        assertThat(g.node("features.1.add")).isNull();
        assertThat(g.node("features.2.add")).isNull();
        assertThat(g.node("features.3.add")).isNotNull();
        assertThat(g.parameters()).containsKey("features.1.conv.1.weight").containsKey("features.2.conv.3.weight");
    }
}
