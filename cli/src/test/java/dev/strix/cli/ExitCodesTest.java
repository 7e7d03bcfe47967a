package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.cli.Cli.Result;
import org.junit.jupiter.api.Test;

/** 0 on success, 2 for bad usage with a hint, 1 for failures with one line (the trace with --verbose). */
class ExitCodesTest {

    @Test
    void helpSucceeds() {
        Result r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: strix", "devices", "summary", "run", "bench", "init");
    }

    @Test
    void noCommandIsBadUsage() {
        Result r = Cli.run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("strix: name a command", "Try 'strix --help' for usage.");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Result r = Cli.run("models", "--colour");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("strix: Unknown option: '--colour'",
                "Try 'strix models --help' for usage.");
    }

    @Test
    void anUnknownModelIsBadUsageListingTheKnownOnes() {
        Result r = Cli.run("summary", "tiny_nett");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo("strix: unknown model 'tiny_nett'; known: tiny_net, tiny_rgb, tiny_two");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownBackendIsBadUsage() {
        Result r = Cli.run("bench", "tiny_net", "--backend", "cuda");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0))
                .isEqualTo("strix: unknown backend 'cuda'; known: absent, broken, fake, reference");
    }

    @Test
    void aMalformedInputSizeIsBadUsage() {
        Result r = Cli.run("summary", "tiny_net", "--input", "2,x,3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).contains("'2,x,3' is not C,H,W: 'x' is not a number");
    }

    @Test
    void anUnavailableBackendIsAFailureWithItsReason() {
        Result r = Cli.run("bench", "tiny_net", "--backend", "absent", "--runs", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("strix: backend 'absent' is not available here: no driver");
    }

    @Test
    void aFailureIsOneLineAndVerboseAddsTheTrace() {
        // t_split halves the channels, so three channels fail while the graph is built.
        Result shape = Cli.run("summary", "tiny_two", "--input", "3,2,2");
        assertThat(shape.code()).isEqualTo(1);
        assertThat(shape.errLines()).hasSize(1);
        assertThat(shape.errLines().get(0)).startsWith("strix: node 'split' (t_split): channels 3 are odd");

        Result verbose = Cli.run("summary", "tiny_two", "--input", "3,2,2", "--verbose");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("dev.strix.api.ShapeException: node 'split' (t_split)")
                .contains("\tat dev.strix.api.graph.GraphBuilder");
    }
}
