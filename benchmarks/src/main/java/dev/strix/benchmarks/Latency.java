package dev.strix.benchmarks;

import java.util.Arrays;

/**
 * Wall-clock latencies of timed runs in milliseconds. The median is the middle run, or the mean of the two middle
 * runs for an even count; it is the figure compared, because single runs on a shared machine have long tails.
 */
public record Latency(double[] millis) {
    public Latency {
        if (millis.length == 0) {
            throw new BenchmarkException("a latency needs at least one timed run");
        }
        for (double m : millis) {
            if (!(m >= 0) || Double.isInfinite(m)) {
                throw new BenchmarkException("a latency must be a finite, non-negative number of ms, got " + m);
            }
        }
        millis = millis.clone();
    }

    /** Runs {@code body} {@code warmup} times untimed, then {@code runs} times timed on {@link System#nanoTime}. */
    public static Latency measure(Runnable body, int warmup, int runs) {
        return new Alternation().time(body, () -> { }, warmup, runs).a();
    }

    /** The timed runs, in the order they ran. */
    @Override
    public double[] millis() {
        return millis.clone();
    }

    public int runs() {
        return millis.length;
    }

    public double median() {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(millis).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(millis).max().orElseThrow();
    }

    /** Images per second at the median latency for a batch of {@code batch} images. */
    public double imagesPerSecond(int batch) {
        return batch * 1000.0 / median();
    }

    /** Achieved GFLOP/s at the median latency, counting two FLOPs per multiply-accumulate. */
    public double gflops(long macs) {
        return 2.0 * macs / (median() * 1e6);
    }
}
