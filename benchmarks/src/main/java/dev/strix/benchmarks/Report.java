package dev.strix.benchmarks;

import java.util.List;
import java.util.Locale;

/** Renders comparisons as console lines and as the Markdown table BENCHMARKS.md holds. */
public final class Report {
    private Report() {}

    /** One line per comparison for the console. */
    public static String line(Comparison c) {
        return String.format(Locale.ROOT,
                "%-14s b%-2d strix[%s on %s] %s | ort %s | strix/ort %.2fx (%s) | rel.L2 strix %.1e ort %.1e%s | load %s",
                c.model(), c.batch(), c.backend(), c.device(), millis(c.strix()), millis(c.ort()), c.ratio(), verdictText(c),
                c.strixError(), c.ortError(), c.outputsAgree() ? "" : " DISAGREE", c.load());
    }

    /** The Markdown table of {@code comparisons}, with a header row. */
    public static String markdown(List<Comparison> comparisons) {
        StringBuilder b = new StringBuilder();
        b.append("| model | batch | Strix backend | Strix ms median (min–max) | ORT ms median (min–max) "
                + "| Strix/ORT | target | Strix GFLOP/s | ORT GFLOP/s | rel. L2 vs PyTorch (Strix / ORT) "
                + "| load avg | ran on the host |\n");
        b.append("|---|---:|---|---:|---:|---:|---|---:|---:|---|---|---|\n");
        for (Comparison c : comparisons) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f× | %s | %.1f | %.1f | %.1e / %.1e%s | %s | %s |%n",
                    c.model(), c.batch(), c.backend(), millis(c.strix()), millis(c.ort()), c.ratio(),
                    verdictText(c), c.strix().gflops(c.macs()), c.ort().gflops(c.macs()), c.strixError(),
                    c.ortError(), c.outputsAgree() ? "" : " **disagree**", c.load(),
                    c.hostSteps().isEmpty() ? "—" : String.join(", ", c.hostSteps())));
        }
        return b.toString();
    }

    /** "43.1 (42.0–47.9)". */
    static String millis(Latency l) {
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", l.median(), l.min(), l.max());
    }

    /** "≤ 1.50×: met", "≤ 1.25×: missed" or "none". */
    static String verdictText(Comparison c) {
        return c.target().map(t -> String.format(Locale.ROOT, "≤ %.2f×: %s", t, c.verdict())).orElse("none");
    }
}
