package dev.strix.opencl.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaunchesTest {
    @Test
    void groupsDivideTheGlobalSizeAndAreAsLargeAsTheWantedCountAllows() {
        long[] global = {24, 392, 1};
        long[] local = Launches.groupsFor(global, 16);
        // 392 = 2·2·2·7·7 is halved three times (8 groups), then 24 once rather than 49 by 7: 16 groups of 12·49.
        assertThat(local).containsExactly(12, 49, 1);
    }

    @Test
    void stopsAtSingleItemsAndLeavesTheChoiceToTheDriverWithoutATarget() {
        assertThat(Launches.groupsFor(new long[] {7, 3}, 1000)).containsExactly(1, 1);
        assertThat(Launches.groupsFor(new long[] {13}, 4)).containsExactly(1);
        assertThat(Launches.groupsFor(new long[] {64, 64}, 0)).isNull();
    }
}
