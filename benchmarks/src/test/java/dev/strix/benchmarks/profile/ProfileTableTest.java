package dev.strix.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTableTest {
    // A 3x3 conv of 115.6 MMACs taking 36 ms five times, a 1x1 conv of 51.4 MMACs taking 8 ms four times, and a
    // batch norm of no MACs taking 5 ms five times: 180 + 32 + 25 = 237 ms.
    private final List<NodeTiming> timings = List.of(
            new NodeTiming("layer3.0.conv2", "conv2d", "conv 3x3", 115_605_504L, 36.0, 5),
            new NodeTiming("layer2.0.conv3", "conv2d", "conv 1x1", 51_380_224L, 8.0, 4),
            new NodeTiming("layer2.0.bn3", "batch_norm", "bn", 0, 5.0, 5));

    @Test
    void nodeTimingCountsEveryNodeOfItsConfiguration() {
        NodeTiming t = timings.get(0);
        assertThat(t.totalMillis()).isEqualTo(180.0);
        // 2 * 115,605,504 / 36 ms = 6.42 GFLOP/s
        assertThat(t.gflops()).isCloseTo(6.4225, within(1e-4));
        assertThat(timings.get(2).gflops()).isZero();
    }

    @Test
    void sumsByLayerTypeSlowestFirst() {
        List<ProfileTable.TypeTotal> byType = ProfileTable.byType(timings);
        assertThat(byType).extracting(ProfileTable.TypeTotal::type).containsExactly("conv2d", "batch_norm");
        ProfileTable.TypeTotal conv = byType.get(0);
        assertThat(conv.millis()).isEqualTo(212.0);
        assertThat(conv.nodes()).isEqualTo(9);
        assertThat(conv.macs()).isEqualTo(5 * 115_605_504L + 4 * 51_380_224L);
        assertThat(byType.get(1).millis()).isEqualTo(25.0);
    }

    @Test
    void slowestConfigurationsAreRankedByTheirTotal() {
        assertThat(ProfileTable.slowest(timings, 2)).extracting(NodeTiming::shape)
                .containsExactly("conv 3x3", "conv 1x1");
    }

    @Test
    void markdownGivesSharesOfTheSum() {
        String md = ProfileTable.markdown(timings, 3);
        assertThat(md).startsWith("Sum of nodes timed alone: 237.0 ms");
        // conv2d: 212 of 237 ms = 89%; (5 * 115.6M + 4 * 51.4M) MACs * 2 / 212 ms = 7.39 GFLOP/s
        assertThat(md).contains("| conv2d | 9 | 212.0 | 89% | 7.4 |");
        assertThat(md).contains("| batch_norm | 5 | 25.0 | 11% | — |");
        assertThat(md).contains("| conv 3x3 | conv2d | 5 | 36.00 | 180.0 | 76% | 6.4 |");
    }
}
