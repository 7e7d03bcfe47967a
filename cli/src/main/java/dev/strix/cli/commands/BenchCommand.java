package dev.strix.cli.commands;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.cli.bench.Benchmark;
import dev.strix.cli.bench.Timings;
import dev.strix.cli.options.BackendArgs;
import dev.strix.cli.options.FormatArg;
import dev.strix.cli.options.InputSizeArg;
import dev.strix.cli.options.ModelArgs;
import dev.strix.cli.output.Json;
import dev.strix.cli.output.Units;
import dev.strix.opencl.session.KernelProfile;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code strix bench MODEL}: latency after warm-up (median, min, max), images per second, achieved GFLOP/s
 * (FLOPs = 2 × MACs) and the percentage of the device's FP32 peak where its backend states the peak. Random weights
 * unless {@code --weights} is given; speed does not depend on the values.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a model's latency, throughput and achieved GFLOP/s on a backend.")
public final class BenchCommand extends Subcommand {
    @Mixin
    private ModelArgs model;

    @Mixin
    private InputSizeArg input;

    @Mixin
    private BackendArgs backendArgs;

    @Mixin
    private FormatArg format;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1", description = "Batch size (default: 1).")
    private int batch;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10", description = "Timed runs (default: 10).")
    private int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "3", description = "Untimed runs first (default: 3).")
    private int warmup;

    @Option(names = "--weights", paramLabel = "W.safetensors",
            description = "Real weights (default: random weights, seed 0).")
    private Path weights;

    @Option(names = "--profile",
            description = "OpenCL backend: also report device time per kernel and the slowest steps over the timed "
                    + "runs (a profiling queue; its latency can differ slightly).")
    private boolean profile;

    /**
     * What {@code strix bench --format json} prints; peak values are null where the device's peak is unknown, the
     * profile (device ms per run by kernel, slowest first) null without {@code --profile}.
     */
    record Report(String model, String backend, String device, String weights, int batch, int warmup, int runs,
            double medianMs, double minMs, double maxMs, double imagesPerS, long macs, double gflops,
            Double peakGflops, Double peakPercent, Map<String, Double> profileMsByKernel) {}

    @Override
    public Integer call() {
        if (batch < 1 || runs < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--batch and --runs must be at least 1 and --warmup at"
                    + " least 0; got " + batch + ", " + runs + ", " + warmup);
        }
        Graph graph = model.build(root.registry(), spec, batch, input.shape());
        Backend backend = backendArgs.choose(root.registry(), spec, root.err());
        Weights w = weights == null ? Initializers.initialize(graph, 0) : Weights.read(weights);
        String weightsLabel = weights == null ? "random weights (seed 0)" : weights.toString();
        if (profile && !backend.name().equals(OpenClBackend.NAME)) {
            throw new ParameterException(spec.commandLine(), "--profile needs the opencl backend; this run uses '"
                    + backend.name() + "'");
        }
        SessionOptions options = backendArgs.sessionOptions();
        if (profile) {
            options = options.with("opencl.profile", "true");
        }
        Timings t;
        String device;
        KernelProfile kernels = null;
        try (Session session = backend.compile(graph, w, options)) {
            device = session.device();
            Tensor x = RandomInput.uniform(graph.inputs().get(0).shape(), 1);
            if (profile) {
                // Warm up, then profile the timed runs only.
                Benchmark.time(session, x, 0, Math.max(1, warmup));
                kernels = ((OpenClSession) session).profile().orElseThrow();
                kernels.reset();
                t = Benchmark.time(session, x, 0, runs);
            } else {
                t = Benchmark.time(session, x, warmup, runs);
            }
        }
        List<DeviceInfo> devices = backend.devices();
        Double peak = Benchmark.peakGflops(devices, backendArgs.device(), device).orElse(null);
        // Composite blocks count the MACs of their expansion, which is what any backend computes.
        long macs = graph.lowered().macs();
        double gflops = Benchmark.gflops(macs, t.median());
        Report r = new Report(model.name(), backend.name(), device, weightsLabel, batch, warmup, t.runs(),
                t.median(), t.min(), t.max(), batch * 1000.0 / t.median(), macs, gflops, peak,
                peak == null ? null : 100 * gflops / peak, kernels == null ? null : kernels.msPerKernel());
        if (format.json()) {
            Json.print(root.out(), r);
        } else {
            print(root.out(), r);
            if (kernels != null) {
                root.out().print(kernels.describe(15));
                root.out().flush();
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, Report r) {
        out.println("model:     " + r.model() + " at batch " + r.batch() + ", " + r.weights());
        out.println("backend:   " + r.backend() + " on " + r.device());
        out.println("latency:   median " + Units.fixed(r.medianMs(), 3) + " ms, min " + Units.fixed(r.minMs(), 3)
                + " ms, max " + Units.fixed(r.maxMs(), 3) + " ms over " + r.runs() + " runs after " + r.warmup()
                + " warm-up");
        out.println("images/s:  " + Units.fixed(r.imagesPerS(), 2));
        out.println("GFLOP/s:   " + Units.fixed(r.gflops(), 2) + " (FLOPs = 2 x " + Units.si(r.macs()) + " MACs)");
        out.println("peak:      " + (r.peakGflops() == null ? "unknown (the backend states no FP32 peak for this"
                + " device)" : Units.fixed(r.peakPercent(), 1) + "% of " + Units.fixed(r.peakGflops(), 1)
                + " GFLOP/s"));
        out.flush();
    }
}
