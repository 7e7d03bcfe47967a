package dev.strix.models.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import dev.strix.models.common.ModelOptionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against Howard et al. 2017 (Tables 1, 6, 7, 8) and Keras's MobileNet (REFERENCE.md). */
class MobileNetV1Test {

    private static Graph build(ModelOptions o) {
        return Strix.registry().model("mobilenet_v1", o);
    }

    @Test
    void alphaOneAt224MatchesKerasTotalAndThePaper() {
        Graph g = build(ModelOptions.defaults());
        long buffers = g.parameters().values().stream().filter(p -> p.kind() == ParamSpec.Kind.BUFFER)
                .mapToLong(p -> p.shape().size()).sum();
        // Keras's "Total params" counts batch norm's running mean and variance too.
        assertThat(g.parameterCount() + buffers).isEqualTo(4_253_864L);
        assertThat(g.parameterCount() / 1e6).isBetween(4.2 * 0.995, 4.25);
        assertThat(g.macs() / 1e6).isBetween(569 * 0.98, 569 * 1.02);
        assertThat(g.node("features.13.5").outputShapes().get(0).toArray()).containsExactly(1, 1024, 7, 7);
    }

    /** Paper Table 6 (width) and Table 7 (resolution): million mult-adds and million parameters as printed. */
    @ParameterizedTest(name = "alpha {0}, {1} pixels")
    @CsvSource({"0.75, 224, 325, 2.6", "0.5, 224, 149, 1.3", "0.25, 224, 41, 0.5",
        "1.0, 192, 418, 4.2", "1.0, 160, 290, 4.2", "1.0, 128, 186, 4.2"})
    void widthAndResolutionMultipliersReproduceThePaperTables(double alpha, int side, double mmacs, double mparams) {
        ModelOptions o = ModelOptions.defaults().withWidth(alpha)
                .withOption(MobileNetV1.RESOLUTION, String.valueOf(side / 224.0));
        Graph g = build(o);
        assertThat(g.inputs().get(0).shape().toArray()).containsExactly(1, 3, side, side);
        assertThat(g.macs() / 1e6).isBetween(mmacs * 0.98, mmacs * 1.02);
        // The paper prints parameters to one decimal of a million.
        assertThat(Math.round(g.parameterCount() / 1e5) / 10.0).isEqualTo(mparams);
    }

    @Test
    void resolutionAndAnExplicitInputTogetherAreRejected() {
        assertThatThrownBy(() -> build(ModelOptions.defaults().withInput(Shape.of(3, 128, 128))
                .withOption(MobileNetV1.RESOLUTION, "0.5")))
                .isInstanceOf(ModelOptionException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> build(ModelOptions.defaults().withOption(MobileNetV1.RESOLUTION, "-1")))
                .isInstanceOf(ModelOptionException.class).hasMessageContaining("'resolution' must be positive");
    }

    @Test
    void reluSixIsAnOption() {
        assertThat(build(ModelOptions.defaults()).node("features.1.2").type().name()).isEqualTo("relu");
        assertThat(build(ModelOptions.defaults().withOption(MobileNetV1.ACTIVATION, "relu6")).node("features.1.2")
                .type().name()).isEqualTo("relu6");
    }
}
