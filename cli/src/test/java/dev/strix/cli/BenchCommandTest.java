package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.cli.Cli.Result;
import dev.strix.cli.bench.Timings;
import org.junit.jupiter.api.Test;

/**
 * {@code strix bench}: the figures must agree with each other (speed itself is not asserted; tests are not
 * benchmarks). tiny_net at batch 2 has 220 MACs.
 */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonReportsLatencyThroughputAndGflops() throws Exception {
        Result r = Cli.run("bench", "tiny_net", "--backend", "reference", "--batch", "2", "--runs", "5",
                "--warmup", "1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("backend").asText()).isEqualTo("reference");
        assertThat(j.get("device").asText()).isEqualTo("Java reference executor");
        assertThat(j.get("weights").asText()).isEqualTo("random weights (seed 0)");
        assertThat(j.get("runs").asInt()).isEqualTo(5);
        assertThat(j.get("macs").asLong()).isEqualTo(220);
        double median = j.get("median_ms").asDouble();
        assertThat(median).isPositive().isBetween(j.get("min_ms").asDouble(), j.get("max_ms").asDouble());
        assertThat(j.get("images_per_s").asDouble()).isCloseTo(2 * 1000 / median, within(1e-9 * 2000 / median));
        assertThat(j.get("gflops").asDouble()).isCloseTo(2 * 220 / (median * 1e6), within(1e-12));
        // The reference backend states no peak for its device.
        assertThat(j.get("peak_gflops").isNull()).isTrue();
        assertThat(j.get("peak_percent").isNull()).isTrue();
    }

    @Test
    void aStatedPeakGivesThePercentage() throws Exception {
        Result r = Cli.run("bench", "tiny_net", "--runs", "3", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errLines()).containsExactly(
                "strix: using backend 'fake' (best available; absent unavailable: no driver)");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("backend").asText()).isEqualTo("fake");
        assertThat(j.get("device").asText()).isEqualTo("Fake Device");
        assertThat(j.get("peak_gflops").asDouble()).isEqualTo(FakeBackends.PEAK);
        assertThat(j.get("peak_percent").asDouble())
                .isCloseTo(100 * j.get("gflops").asDouble() / FakeBackends.PEAK, within(1e-12));
    }

    @Test
    void theTableSaysRandomWeightsAndUnknownPeak() {
        Result r = Cli.run("bench", "tiny_net", "--backend", "reference", "--runs", "2", "--warmup", "0");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(6);
        assertThat(r.out().lines()).containsSubsequence("model:     tiny_net at batch 1, random weights (seed 0)",
                "backend:   reference on Java reference executor");
        assertThat(r.out()).contains("over 2 runs after 0 warm-up", "(FLOPs = 2 x 110 MACs)",
                "peak:      unknown (the backend states no FP32 peak for this device)");
    }

    @Test
    void badCountsAreBadUsage() {
        Result r = Cli.run("bench", "tiny_net", "--runs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("strix: --batch and --runs must be at least 1");
    }

    @Test
    void timingsGiveTheMiddleRun() {
        Timings odd = new Timings(new double[] {5, 1, 3});
        assertThat(odd.median()).isEqualTo(3);
        assertThat(odd.min()).isEqualTo(1);
        assertThat(odd.max()).isEqualTo(5);
        assertThat(new Timings(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }
}
