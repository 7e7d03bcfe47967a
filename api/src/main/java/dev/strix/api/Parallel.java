package dev.strix.api;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs independent iterations on the common fork-join pool; reference forwards use it over batch and channels. */
public final class Parallel {
    private Parallel() {}

    /** Calls {@code body} for every i in [0, n), in parallel when {@code n} is worth splitting. */
    public static void forRange(int n, IntConsumer body) {
        if (n <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        IntStream.range(0, n).parallel().forEach(body);
    }
}
