package dev.strix.cli.bench;

import java.util.Arrays;

/**
 * Latencies of timed runs in milliseconds, with the statistics {@code strix bench} reports. The median is the
 * middle run (the mean of the two middle ones for an even count).
 */
public record Timings(double[] millis) {
    public Timings {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timed runs");
        }
        millis = millis.clone();
    }

    public double median() {
        double[] s = millis.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(millis).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(millis).max().orElseThrow();
    }

    public int runs() {
        return millis.length;
    }
}
