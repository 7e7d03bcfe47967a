package dev.strix.opencl.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaunchesTest {
    @Test
    void groupsDivideTheGlobalSizeAndAreAsLargeAsTheWantedCountAllows() {
        // The last dimension first: 392 = 2·2·2·7·7 is halved three times (8 groups), then divided by 7: 56
        // groups, the first dimension whole.
        assertThat(Launches.groupsFor(new long[] {24, 392, 1}, 16, 4096)).containsExactly(24, 7, 1);
        // The first dimension is split only when the others run out.
        assertThat(Launches.groupsFor(new long[] {24, 2, 1}, 8, 4096)).containsExactly(6, 1, 1);
    }

    @Test
    void splitsFurtherWhereAGroupWouldExceedTheDeviceLimit() {
        // 16 groups of 7 × 1024 would be 7,168 work-items each: the second dimension is halved once more.
        assertThat(Launches.groupsFor(new long[] {7, 2048, 8}, 16, 4096)).containsExactly(7, 512, 1);
    }

    @Test
    void stopsAtSingleItemsAndLeavesTheChoiceToTheDriverWithoutATarget() {
        assertThat(Launches.groupsFor(new long[] {7, 3}, 1000, 4096)).containsExactly(1, 1);
        assertThat(Launches.groupsFor(new long[] {13}, 4, 4096)).containsExactly(1);
        assertThat(Launches.groupsFor(new long[] {64, 64}, 0, 4096)).isNull();
    }
}
