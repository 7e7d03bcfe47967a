package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void medianIsTheMiddleRunOfAnOddCount() {
        Latency l = new Latency(new double[] {9, 1, 5, 7, 3});
        assertThat(l.median()).isEqualTo(5.0);
        assertThat(l.min()).isEqualTo(1.0);
        assertThat(l.max()).isEqualTo(9.0);
        assertThat(l.runs()).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleRuns() {
        assertThat(new Latency(new double[] {40, 10, 20, 30}).median()).isEqualTo(25.0);
    }

    @Test
    void keepsTheRunsInOrderAndUnaffectedByTheCaller() {
        double[] runs = {3, 1, 2};
        Latency l = new Latency(runs);
        runs[0] = 100;
        l.millis()[1] = 100;
        assertThat(l.millis()).containsExactly(3, 1, 2);
    }

    @Test
    void throughputAndGflopsAreTakenAtTheMedian() {
        Latency l = new Latency(new double[] {50, 40, 60});
        // batch 8 in 50 ms: 160 images/s; 4.089 GMACs in 50 ms: 2 * 4.089e9 / 0.05 s = 163.56 GFLOP/s.
        assertThat(l.imagesPerSecond(8)).isCloseTo(160.0, within(1e-9));
        assertThat(l.gflops(4_089_000_000L)).isCloseTo(163.56, within(1e-9));
    }

    @Test
    void measureRunsTheWarmUpUntimedThenTheTimedRuns() {
        int[] calls = {0};
        Latency l = Latency.measure(() -> calls[0]++, 2, 5);
        assertThat(calls[0]).isEqualTo(7);
        assertThat(l.runs()).isEqualTo(5);
        assertThat(l.min()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void refusesNoRunsAndImpossibleTimes() {
        assertThatThrownBy(() -> new Latency(new double[0])).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("at least one timed run");
        assertThatThrownBy(() -> new Latency(new double[] {1, -2})).hasMessageContaining("-2.0");
        assertThatThrownBy(() -> new Latency(new double[] {Double.NaN})).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Latency(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(BenchmarkException.class);
    }
}
