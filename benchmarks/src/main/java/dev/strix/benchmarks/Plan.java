package dev.strix.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark run measures, parsed from the command line:
 * {@code [--models resnet50,mobilenet_v2,resnet50:8] [--backend opencl] [--device D] [--runs 20] [--warmup 3]
 * [--threads N] [--gap-ms 100] [--dir benchmarks/target/onnx] [--markdown FILE]}. A model may carry its batch after
 * a colon.
 *
 * @param cases the models and batch sizes, in order
 * @param backend Strix's backend: opencl (default), reference or aparapi
 * @param device Strix's device (id or part of a name), or null for the backend's choice
 * @param runs timed runs of each engine
 * @param warmup untimed runs of each engine before timing
 * @param threads ONNX Runtime's intra-op threads; Strix's backends use every processor
 * @param gapMillis idle time before each timed run, so neither engine's worker threads (ONNX Runtime's spin after a
 *     run) still hold a core when the other starts
 * @param dir where tools/onnx/export.py wrote the models
 * @param markdown where to write the Markdown table, or null
 */
public record Plan(List<Case> cases, String backend, String device, int runs, int warmup, int threads,
        int gapMillis, Path dir, Path markdown) {

    /** The models of issue 6's targets: four at batch 1 and resnet50 at batch 8. */
    public static final String DEFAULT_MODELS = "resnet50,mobilenet_v2,convnext_tiny,vit_b_16,resnet50:8";

    /** One model at one batch size. */
    public record Case(String model, int batch) {}

    public Plan {
        cases = List.copyOf(cases);
        if (cases.isEmpty()) {
            throw new BenchmarkException("--models names no model");
        }
        if (runs < 1 || warmup < 0 || threads < 1 || gapMillis < 0) {
            throw new BenchmarkException("need --runs >= 1, --warmup >= 0, --threads >= 1 and --gap-ms >= 0, got "
                    + runs + ", " + warmup + ", " + threads + ", " + gapMillis);
        }
    }

    public static Plan parse(String... args) {
        String models = DEFAULT_MODELS;
        String backend = "opencl";
        String device = null;
        int runs = 20;
        int warmup = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        int gap = 100;
        Path dir = Path.of("benchmarks", "target", "onnx");
        Path markdown = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new BenchmarkException("option " + flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--models" -> models = v;
                case "--backend" -> backend = v;
                case "--device" -> device = v;
                case "--runs" -> runs = integer(flag, v);
                case "--warmup" -> warmup = integer(flag, v);
                case "--threads" -> threads = integer(flag, v);
                case "--gap-ms" -> gap = integer(flag, v);
                case "--dir" -> dir = Path.of(v);
                case "--markdown" -> markdown = Path.of(v);
                default -> throw new BenchmarkException("unknown option '" + flag + "'; known: --models, --backend, "
                        + "--device, --runs, --warmup, --threads, --gap-ms, --dir, --markdown");
            }
        }
        return new Plan(cases(models), backend, device, runs, warmup, threads, gap, dir, markdown);
    }

    static List<Case> cases(String models) {
        List<Case> out = new ArrayList<>();
        for (String item : models.split(",")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                out.add(new Case(s, 1));
            } else {
                int batch = integer("--models batch of '" + s.substring(0, colon) + "'", s.substring(colon + 1));
                if (batch < 1) {
                    throw new BenchmarkException("--models: batch of '" + s.substring(0, colon)
                            + "' must be at least 1, got " + batch);
                }
                out.add(new Case(s.substring(0, colon), batch));
            }
        }
        return out;
    }

    private static int integer(String what, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BenchmarkException(what + " must be an integer, got '" + v + "'");
        }
    }
}
