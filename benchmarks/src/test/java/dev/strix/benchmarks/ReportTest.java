package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Comparison resnet(int batch, double strixMs, double ortMs, double strixError, List<String> host) {
        return new Comparison("resnet50", batch, 4_089_000_000L * batch, "opencl", "pocl cpu",
                new Latency(new double[] {strixMs, strixMs + 2, strixMs - 1}),
                new Latency(new double[] {ortMs, ortMs - 1, ortMs + 3}), strixError, 1.8e-6, "1.50 2.00 2.50", host);
    }

    @Test
    void ratioAndVerdictFollowTheIssuesTargets() {
        Comparison met = resnet(1, 60, 43, 2e-6, List.of());
        assertThat(met.ratio()).isEqualTo(60.0 / 43.0);
        assertThat(met.target()).contains(1.5);
        assertThat(met.verdict()).isEqualTo("met");
        Comparison missed = resnet(8, 300, 200, 2e-6, List.of());
        assertThat(missed.target()).contains(1.25);
        assertThat(missed.verdict()).isEqualTo("missed");
        assertThat(resnet(4, 1, 1, 0, List.of()).verdict()).isEqualTo("no target");
    }

    @Test
    void targetsAreTheIssuesRatios() {
        assertThat(Targets.maxRatio("resnet50", 1)).contains(1.5);
        assertThat(Targets.maxRatio("convnext_tiny", 1)).contains(1.5);
        assertThat(Targets.maxRatio("vit_b_16", 1)).contains(1.5);
        assertThat(Targets.maxRatio("mobilenet_v2", 1)).contains(2.0);
        assertThat(Targets.maxRatio("resnet50", 8)).contains(1.25);
        assertThat(Targets.maxRatio("mobilenet_v2", 8)).isEmpty();
        assertThat(Targets.maxRatio("alexnet", 1)).isEmpty();
    }

    @Test
    void markdownHasAHeaderAndOneRowPerModel() {
        String md = Report.markdown(List.of(resnet(1, 60, 43, 2e-6, List.of()),
                resnet(8, 300, 200, 0.5, List.of("linear ×1", "max_pool2d ×1"))));
        String[] lines = md.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("| model | batch | Strix backend |");
        // 2 * 4.089e9 MACs / 60 ms = 136.3 GFLOP/s; 2 * 4.089e9 / 43 ms = 190.2 GFLOP/s.
        assertThat(lines[2]).isEqualTo("| resnet50 | 1 | opencl | 60.0 (59.0–62.0) | 43.0 (42.0–46.0) | 1.40× "
                + "| ≤ 1.50×: met | 136.3 | 190.2 | 2.0e-06 / 1.8e-06 | 1.50 2.00 2.50 | — |");
        assertThat(lines[3]).isEqualTo("| resnet50 | 8 | opencl | 300.0 (299.0–302.0) | 200.0 (199.0–203.0) "
                + "| 1.50× | ≤ 1.25×: missed | 218.1 | 327.1 | 5.0e-01 / 1.8e-06 **disagree** | 1.50 2.00 2.50 "
                + "| linear ×1, max_pool2d ×1 |");
    }

    @Test
    void consoleLineFlagsDisagreement() {
        assertThat(Report.line(resnet(1, 60, 43, 2e-6, List.of())))
                .contains("strix[opencl on pocl cpu]").contains("strix/ort 1.40x (≤ 1.50×: met)").doesNotContain("DISAGREE");
        assertThat(Report.line(resnet(1, 60, 43, 0.5, List.of()))).contains("DISAGREE");
    }

    @Test
    void hostStepsAreCountedPerLayerType() {
        assertThat(HostSteps.summarize(List.of("linear", "gelu", "gelu", "adaptive_avg_pool")))
                .containsExactly("adaptive_avg_pool ×1", "gelu ×2", "linear ×1");
        assertThat(HostSteps.summarize(List.of())).isEmpty();
    }
}
