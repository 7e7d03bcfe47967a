package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void relativeL2IsTheNormOfTheDifferenceOverTheNormOfTheExpected() {
        // difference (0, 0.3, -0.4): norm 0.5; expected (3, 4, 0): norm 5.
        float[] expected = {3, 4, 0};
        float[] actual = {3, 4.3f, -0.4f};
        assertThat(Agreement.relativeL2(actual, expected)).isCloseTo(0.1, within(1e-6));
        assertThat(Agreement.relativeL2(expected, expected)).isZero();
    }

    @Test
    void agreesUpToTheTolerance() {
        assertThat(Agreement.agrees(2.1e-6)).isTrue();
        assertThat(Agreement.agrees(1e-3)).isTrue();
        assertThat(Agreement.agrees(1.1e-3)).isFalse();
        assertThat(Agreement.agrees(Double.NaN)).isFalse();
    }

    @Test
    void refusesOutputsOfDifferentLengthsOrAnAllZeroReference() {
        assertThatThrownBy(() -> Agreement.relativeL2(new float[3], new float[4]))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("3 and 4 elements");
        assertThatThrownBy(() -> Agreement.relativeL2(new float[] {1}, new float[] {0}))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("all zeros");
    }
}
