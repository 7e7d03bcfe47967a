package dev.strix.cli.bench;

import dev.strix.api.Tensor;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.Session;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Times a compiled session and relates the result to the work done and the device's peak. */
public final class Benchmark {
    /** The {@link DeviceInfo#details()} key under which a backend states a device's FP32 peak in GFLOP/s. */
    public static final String PEAK_GFLOPS = "peak_gflops";

    private Benchmark() {}

    /** Runs {@code warmup} untimed then {@code runs} timed inferences of {@code session} on {@code input}. */
    public static Timings time(Session session, Tensor input, int warmup, int runs) {
        List<Tensor> in = List.of(input);
        for (int i = 0; i < warmup; i++) {
            session.run(in);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            session.run(in);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Timings(ms);
    }

    /** Achieved GFLOP/s for {@code macs} multiply-accumulates in {@code millis}, counting 2 FLOPs per MAC. */
    public static double gflops(long macs, double millis) {
        return 2.0 * macs / (millis * 1e6);
    }

    /**
     * The FP32 peak of the device a session runs on, when its backend states one: the device named by
     * {@code requested} (an id, or part of a name) or else the one whose name the session reports.
     */
    public static Optional<Double> peakGflops(List<DeviceInfo> devices, String requested, String sessionDevice) {
        for (DeviceInfo d : devices) {
            boolean match = requested != null
                    ? d.id().equals(requested) || contains(d.name(), requested)
                    : d.name().equals(sessionDevice) || contains(sessionDevice, d.name());
            if (match) {
                String peak = d.details().get(PEAK_GFLOPS);
                if (peak == null) {
                    return Optional.empty();
                }
                try {
                    double v = Double.parseDouble(peak.trim());
                    return v > 0 ? Optional.of(v) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && !needle.isEmpty()
                && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
