package dev.strix.benchmarks;

import java.util.function.LongSupplier;

/**
 * Times two engines in alternation so that both see the same machine: after {@code warmup} untimed runs of each,
 * round {@code i} runs A then B when {@code i} is even and B then A when odd, so neither always follows the other
 * (caches, frequency and other processes' load fall on both alike). An optional idle gap before each timed run
 * lets the previous run's worker threads go to sleep: ONNX Runtime's spin for a while after a run and would
 * otherwise hold a core while the other engine runs.
 */
public final class Alternation {
    private final LongSupplier nanoClock;
    private final long gapMillis;

    /** Alternation on {@link System#nanoTime()}, without gaps. */
    public Alternation() {
        this(System::nanoTime);
    }

    /** Alternation on a given clock (tests pass a fake one), without gaps. */
    public Alternation(LongSupplier nanoClock) {
        this(nanoClock, 0);
    }

    /** Alternation on a given clock with {@code gapMillis} of idle time before each timed run. */
    public Alternation(LongSupplier nanoClock, long gapMillis) {
        this.nanoClock = nanoClock;
        this.gapMillis = gapMillis;
    }

    /** Latencies of {@code a} and {@code b}, in that order. */
    public record Result(Latency a, Latency b) {}

    public Result time(Runnable a, Runnable b, int warmup, int runs) {
        if (warmup < 0 || runs < 1) {
            throw new BenchmarkException("need warmup >= 0 and runs >= 1, got warmup " + warmup + ", runs " + runs);
        }
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        double[] ta = new double[runs];
        double[] tb = new double[runs];
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                ta[i] = timed(a);
                tb[i] = timed(b);
            } else {
                tb[i] = timed(b);
                ta[i] = timed(a);
            }
        }
        return new Result(new Latency(ta), new Latency(tb));
    }

    private double timed(Runnable r) {
        if (gapMillis > 0) {
            try {
                Thread.sleep(gapMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted between timed runs");
            }
        }
        long t0 = nanoClock.getAsLong();
        r.run();
        return (nanoClock.getAsLong() - t0) / 1e6;
    }
}
