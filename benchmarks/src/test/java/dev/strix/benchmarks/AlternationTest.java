package dev.strix.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternationTest {
    /** A clock that each engine advances by its own cost, so the timings are known exactly. */
    private long now;
    private final List<String> calls = new ArrayList<>();

    private Runnable engine(String name, long nanos) {
        return () -> {
            calls.add(name);
            now += nanos;
        };
    }

    @Test
    void warmsUpBothThenAlternatesWhichGoesFirst() {
        Alternation.Result r = new Alternation(() -> now).time(engine("a", 1), engine("b", 1), 2, 4);
        assertThat(calls).containsExactly("a", "b", "a", "b", // warm-up, untimed
                "a", "b", "b", "a", "a", "b", "b", "a");
        assertThat(r.a().runs()).isEqualTo(4);
        assertThat(r.b().runs()).isEqualTo(4);
    }

    @Test
    void timesEachEngineOnItsOwnRuns() {
        Alternation.Result r = new Alternation(() -> now).time(engine("a", 3_000_000), engine("b", 1_500_000), 1, 3);
        assertThat(r.a().millis()).containsExactly(3.0, 3.0, 3.0);
        assertThat(r.b().millis()).containsExactly(1.5, 1.5, 1.5);
    }

    @Test
    void idlesBeforeEachTimedRunOutsideTheTimings() {
        long start = System.nanoTime();
        Alternation.Result r = new Alternation(() -> now, 20).time(engine("a", 2_000_000), engine("b", 1_000_000), 1,
                2);
        assertThat(r.a().millis()).containsExactly(2.0, 2.0);
        assertThat(r.b().millis()).containsExactly(1.0, 1.0);
        assertThat((System.nanoTime() - start) / 1e6).as("four timed runs, 20 ms idle before each")
                .isGreaterThanOrEqualTo(80);
    }

    @Test
    void refusesNoTimedRunsOrANegativeWarmUp() {
        Alternation alt = new Alternation(() -> now);
        assertThatThrownBy(() -> alt.time(engine("a", 1), engine("b", 1), 0, 0))
                .isInstanceOf(BenchmarkException.class).hasMessageContaining("runs 0");
        assertThatThrownBy(() -> alt.time(engine("a", 1), engine("b", 1), -1, 3))
                .hasMessageContaining("warmup -1");
        assertThat(calls).isEmpty();
    }
}
