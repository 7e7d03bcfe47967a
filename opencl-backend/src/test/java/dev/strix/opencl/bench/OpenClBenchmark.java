package dev.strix.opencl.bench;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.opencl.session.KernelProfile;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmarks of the OpenCL backend (a main, never a timed test). Random weights: speed does not depend on them.
 *
 * <pre>
 *   gemm DEVICE [KIND [conv]]          GFLOP/s of a 1024³ product (10 stacked 1024×1024 linears minus 1, so
 *                                      transfers cancel; "conv": 1×1 convolutions); KIND register|local|tuned
 *   model DEVICE VARIANT [BATCH] [RUNS] median, min and max latency after warm-up, images/s, GFLOP/s
 *   profile DEVICE VARIANT [BATCH] [RUNS] device time per kernel and the slowest steps (opencl.profile)
 * </pre>
 */
public final class OpenClBenchmark {
    private OpenClBenchmark() {}

    public static void main(String[] args) {
        Registry registry = Strix.registry();
        OpenClBackend backend = (OpenClBackend) registry.backend(OpenClBackend.NAME);
        SessionOptions options = SessionOptions.defaults().withDevice(args[1]);
        // -Dbench.options=opencl.tune.DW_ROWS=8,opencl.gemm=local passes session options through.
        for (String kv : System.getProperty("bench.options", "").split(",")) {
            if (kv.contains("=")) {
                options = options.with(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        switch (args[0]) {
            case "gemm" -> {
                if (args.length > 2 && !args[2].equals("tuned")) {
                    options = options.with("opencl.gemm", args[2]);
                }
                double[] c = new double[1];
                boolean conv = args.length > 3 && args[3].equals("conv");
                double t1 = median(backend, stack(registry, 1, conv), options, 5, c);
                double c1 = c[0];
                double t10 = median(backend, stack(registry, 10, conv), options, 5, c);
                double perGemm = (t10 - t1) / 9;
                double cpuPerGemm = (c[0] - c1) / 9;
                double flop = 2.0 * 1024 * 1024 * 1024;
                System.out.printf(Locale.ROOT, "gemm 1024^3 on %s (%s): %.2f ms per product, %.1f GFLOP/s; "
                        + "%.2f CPU-ms per product, %.1f GFLOP per CPU-second%n", backend.select(options).label(),
                        options.option("opencl.gemm").orElse("tuned"), perGemm, flop / (perGemm / 1000) / 1e9,
                        cpuPerGemm, flop / (cpuPerGemm / 1000) / 1e9);
            }
            case "model" -> {
                int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                int runs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
                Graph g = registry.model(args[2], ModelOptions.defaults().withBatch(batch));
                double[] cpu = new double[1];
                double[] t = times(backend, g, options, runs, cpu);
                double med = t[t.length / 2];
                System.out.printf(Locale.ROOT, "%s batch %d on %s: median %.1f ms, min %.1f, max %.1f, %.2f images/s,"
                        + " %.1f GFLOP/s, %.1f CPU-ms per run (random weights)%n", args[2], batch,
                        backend.select(options).label(), med, t[0], t[t.length - 1], batch * 1000 / med,
                        2.0 * g.macs() / (med / 1000) / 1e9, cpu[0]);
            }
            case "profile" -> {
                int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
                Graph g = registry.model(args[2], ModelOptions.defaults().withBatch(batch));
                System.out.print(args[2] + " batch " + batch + " " + profile(backend, g, options, runs));
            }
            default -> throw new IllegalArgumentException("usage: gemm DEVICE [KIND] | model DEVICE VARIANT [BATCH] "
                    + "[RUNS] | profile DEVICE VARIANT [BATCH] [RUNS]");
        }
        backend.close();
    }

    /** Device time per kernel and the slowest steps over {@code runs} runs after one warm-up run. */
    static String profile(OpenClBackend backend, Graph g, SessionOptions options, int runs) {
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 1);
        try (OpenClSession s = backend.compileOpenCl(g, Initializers.initialize(g, 1), options.with("opencl.profile",
                "true"))) {
            s.run(x);
            KernelProfile profile = s.profile().orElseThrow();
            profile.reset();
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                s.run(x);
            }
            double wall = (System.nanoTime() - t0) / 1e6 / runs;
            return String.format(Locale.ROOT, "on %s: %.1f ms wall per run (profiled queue)%n", s.device(), wall)
                    + profile.describe(Integer.getInteger("bench.top", 25));
        }
    }

    /**
     * {@code n} linears of 1024×1024 applied to 1024 rows, or with {@code conv} n 1×1 convolutions of 1024
     * channels over 32×32 pixels (the same product with the weight as the left operand).
     */
    static Graph stack(Registry registry, int n, boolean conv) {
        GraphBuilder b = new GraphBuilder(registry);
        Value h = b.input("x", conv ? Shape.of(1, 1024, 32, 32) : Shape.of(1024, 1024));
        for (int i = 0; i < n; i++) {
            h = conv ? b.layer("conv2d", "conv" + i).attr("out_channels", 1024).attr("kernel_size", 1)
                    .attr("bias", false).apply(h)
                    : b.layer("linear", "fc" + i).attr("out_features", 1024).attr("bias", false).apply(h);
        }
        return b.build(h);
    }

    /** Median wall ms of {@code runs}; {@code cpu[0]} receives the mean process CPU ms per run. */
    static double median(OpenClBackend backend, Graph g, SessionOptions options, int runs, double[] cpu) {
        double[] t = times(backend, g, options, runs, cpu);
        return t[t.length / 2];
    }

    /** CPU time of the whole process (JVM and the OpenCL driver's threads) in ms, from /proc/self/stat. */
    static double processCpuMs() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    /** Sorted run times in ms after two warm-up runs. */
    static double[] times(OpenClBackend backend, Graph g, SessionOptions options, int runs, double[] cpu) {
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 1);
        try (Session s = backend.compile(g, Initializers.initialize(g, 7), options)) {
            s.run(x);
            s.run(x);
            double[] t = new double[runs];
            double c0 = processCpuMs();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                s.run(x);
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            cpu[0] = (processCpuMs() - c0) / runs;
            Arrays.sort(t);
            return t;
        }
    }
}
