package dev.strix.aparapi.bench;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.session.AparapiSession;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of one model at batch 1 on one backend (and Aparapi mode): median, min and max of timed runs after
 * warm-up, random weights (seed 0). Not a test: run it with the test class path,
 * {@code java -cp … dev.strix.aparapi.bench.AparapiBench MODEL BACKEND [MODE] [RUNS] [WARMUP]} where BACKEND is
 * {@code aparapi}, {@code reference} or {@code opencl} and MODE is {@code opencl} or {@code jtp} (Aparapi only).
 */
public final class AparapiBench {
    private AparapiBench() {}

    public static void main(String[] args) {
        String model = args[0];
        String backendName = args[1];
        String mode = args.length > 2 ? args[2] : "any";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Registry registry = Strix.registry();
        Graph graph = registry.model(model, ModelOptions.defaults());
        Weights weights = Initializers.initialize(graph, 0);
        Backend backend = registry.backend(backendName);
        SessionOptions options = SessionOptions.defaults();
        if (backendName.equals("aparapi")) {
            options = options.with(ModeRequest.OPTION, mode);
            if (mode.equals("opencl")) {
                options = options.withDevice("portable");
            }
        }
        Tensor input = Tensors.random(graph.inputs().get(0).shape(), 1);
        long start = System.nanoTime();
        try (Session s = backend.compile(graph, weights, options)) {
            double compileMs = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < warmup; i++) {
                s.run(input);
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                s.run(input);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%s %s %s: median %.1f ms, min %.1f, max %.1f over %d runs after %d warm-up;"
                    + " compile %.0f ms; device %s%n", model, backendName, mode, ms[runs / 2], ms[0], ms[runs - 1],
                    runs, warmup, compileMs, s.device());
            if (s instanceof AparapiSession a && System.getProperty("bench.profile") != null) {
                java.util.Map<String, Double> byKernel = new java.util.TreeMap<>();
                a.kernels().forEach(k -> byKernel.merge(k.kernel(), k.lastMillis(), Double::sum));
                byKernel.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-20s %8.1f ms%n", k, v));
            }
        }
    }
}
