package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void defaultsAreTheIssuesModelsOnOpenClWithEveryProcessor() {
        Plan p = Plan.parse();
        assertThat(p.cases()).containsExactly(new Plan.Case("resnet50", 1), new Plan.Case("mobilenet_v2", 1),
                new Plan.Case("convnext_tiny", 1), new Plan.Case("vit_b_16", 1), new Plan.Case("resnet50", 8));
        assertThat(p.backend()).isEqualTo("opencl");
        assertThat(p.device()).isNull();
        assertThat(p.runs()).isEqualTo(20);
        assertThat(p.warmup()).isEqualTo(3);
        assertThat(p.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(p.gapMillis()).isEqualTo(100);
        assertThat(p.dir()).isEqualTo(Path.of("benchmarks/target/onnx"));
        assertThat(p.markdown()).isNull();
    }

    @Test
    void readsEveryOption() {
        Plan p = Plan.parse("--models", " resnet50:8 , mobilenet_v2,", "--backend", "reference", "--device", "pocl",
                "--runs", "7", "--warmup", "0", "--threads", "4", "--gap-ms", "0", "--dir", "/tmp/x", "--markdown",
                "/tmp/t.md");
        assertThat(p.cases()).containsExactly(new Plan.Case("resnet50", 8), new Plan.Case("mobilenet_v2", 1));
        assertThat(p.backend()).isEqualTo("reference");
        assertThat(p.device()).isEqualTo("pocl");
        assertThat(p.runs()).isEqualTo(7);
        assertThat(p.warmup()).isZero();
        assertThat(p.threads()).isEqualTo(4);
        assertThat(p.gapMillis()).isZero();
        assertThat(p.dir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(p.markdown()).isEqualTo(Path.of("/tmp/t.md"));
    }

    @Test
    void badArgumentsNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> Plan.parse("--runs", "many")).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("--runs").hasMessageContaining("'many'");
        assertThatThrownBy(() -> Plan.parse("--runs", "0")).hasMessageContaining("--runs >= 1");
        assertThatThrownBy(() -> Plan.parse("--speed", "fast")).hasMessageContaining("unknown option '--speed'");
        assertThatThrownBy(() -> Plan.parse("--models")).hasMessageContaining("--models needs a value");
        assertThatThrownBy(() -> Plan.parse("--models", "resnet50:0")).hasMessageContaining("'resnet50'")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Plan.parse("--models", "resnet50:x")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> Plan.parse("--models", " , ")).hasMessageContaining("names no model");
    }
}
