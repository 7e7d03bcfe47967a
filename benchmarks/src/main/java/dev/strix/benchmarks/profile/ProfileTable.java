package dev.strix.benchmarks.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sums node timings by layer type and lists the slowest configurations, as Markdown. */
public final class ProfileTable {
    private ProfileTable() {}

    /** Total time, node count and MACs of one layer type. */
    public record TypeTotal(String type, double millis, int nodes, long macs) {
        public double gflops() {
            return macs == 0 || millis <= 0 ? 0 : 2.0 * macs / (millis * 1e6);
        }
    }

    /** Per layer type, slowest first. */
    public static List<TypeTotal> byType(List<NodeTiming> timings) {
        Map<String, double[]> sums = new TreeMap<>();
        for (NodeTiming t : timings) {
            double[] s = sums.computeIfAbsent(t.type(), k -> new double[3]);
            s[0] += t.totalMillis();
            s[1] += t.count();
            s[2] += (double) t.macs() * t.count();
        }
        List<TypeTotal> out = new ArrayList<>();
        sums.forEach((type, s) -> out.add(new TypeTotal(type, s[0], (int) s[1], (long) s[2])));
        out.sort(Comparator.comparingDouble(TypeTotal::millis).reversed());
        return out;
    }

    /** The {@code n} configurations taking the most time in total, slowest first. */
    public static List<NodeTiming> slowest(List<NodeTiming> timings, int n) {
        return timings.stream().sorted(Comparator.comparingDouble(NodeTiming::totalMillis).reversed()).limit(n)
                .toList();
    }

    /** Both tables as Markdown, shares against the sum of all node times. */
    public static String markdown(List<NodeTiming> timings, int top) {
        double sum = timings.stream().mapToDouble(NodeTiming::totalMillis).sum();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Sum of nodes timed alone: %.1f ms%n%n", sum));
        b.append("| layer type | nodes | ms (alone, summed) | share | GFLOP/s |\n|---|---:|---:|---:|---:|\n");
        for (TypeTotal t : byType(timings)) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f%% | %s |%n", t.type(), t.nodes(),
                    t.millis(), share(t.millis(), sum), gflops(t.macs(), t.gflops())));
        }
        b.append("\n| slowest configurations | type | × | ms each | ms total | share | GFLOP/s |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (NodeTiming t : slowest(timings, top)) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.1f | %.0f%% | %s |%n", t.shape(),
                    t.type(), t.count(), t.millis(), t.totalMillis(), share(t.totalMillis(), sum),
                    gflops(t.macs(), t.gflops())));
        }
        return b.toString();
    }

    /** GFLOP/s with one decimal, or a dash for a layer that does no multiply-accumulates. */
    private static String gflops(long macs, double gflops) {
        return macs == 0 ? "—" : String.format(Locale.ROOT, "%.1f", gflops);
    }

    private static double share(double part, double sum) {
        return sum <= 0 ? 0 : 100.0 * part / sum;
    }
}
