package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void cpuNameIsTheModelNameLine() {
        assertThat(Machine.cpuName(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "model name\t: AMD EPYC 9R14", "flags\t\t: fpu avx512f"))).isEqualTo("AMD EPYC 9R14");
        assertThat(Machine.cpuName(List.of())).isEqualTo(System.getProperty("os.arch"));
    }

    @Test
    void loadAverageIsTheFirstThreeFields() {
        assertThat(Machine.loadAverage(List.of("10.20 9.32 5.91 3/512 4242"))).isEqualTo("10.20 9.32 5.91");
        assertThat(Machine.loadAverage(List.of())).isEqualTo("unknown");
        assertThat(Machine.loadAverage(List.of("garbage"))).isEqualTo("unknown");
    }

    @Test
    void currentMachineHasItsProcessorsAndAUtcDate() {
        Machine m = Machine.current();
        assertThat(m.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(m.utc()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }
}
