package dev.strix.aparapi.bench;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency of one model at batch 1 on the reference backend, Aparapi on the thread pool, Aparapi on PoCL and (when on
 * the class path) the OpenCL backend on PoCL, measured in rounds that run every session once each, so a change of
 * machine load hits all of them alike. Random weights (seed 0), three warm-up runs each. Not a test:
 * {@code java -cp <test class path> dev.strix.aparapi.bench.CompareBench MODEL ROUNDS [SESSIONS]}, SESSIONS a comma
 * list of {@code reference}, {@code jtp}, {@code pocl} (Aparapi on PoCL) and {@code opencl} (default: all). The two
 * PoCL sessions alone compare best: a reference or thread-pool run between them leaves the caches cold and the
 * collector busy for the next.
 */
public final class CompareBench {
    private CompareBench() {}

    public static void main(String[] args) {
        String model = args[0];
        int rounds = Integer.parseInt(args[1]);
        Registry registry = Strix.registry();
        Graph graph = registry.model(model, ModelOptions.defaults());
        Weights weights = Initializers.initialize(graph, 0);
        Tensor input = Tensors.random(graph.inputs().get(0).shape(), 1);
        List<String> wanted = List.of((args.length > 2 ? args[2] : "reference,jtp,pocl,opencl").split(","));
        Map<String, Session> sessions = new LinkedHashMap<>();
        if (wanted.contains("reference")) {
            sessions.put("reference", registry.backend("reference").compile(graph, weights, SessionOptions.defaults()));
        }
        if (wanted.contains("jtp")) {
            sessions.put("aparapi jtp", registry.backend("aparapi").compile(graph, weights,
                    SessionOptions.defaults().with(ModeRequest.OPTION, "jtp")));
        }
        if (wanted.contains("pocl")) {
            sessions.put("aparapi opencl (PoCL)", registry.backend("aparapi").compile(graph, weights,
                    SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl")));
        }
        if (wanted.contains("opencl") && registry.backends().containsKey("opencl")) {
            sessions.put("opencl (PoCL)", registry.backend("opencl").compile(graph, weights,
                    SessionOptions.defaults().withDevice("portable")));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        sessions.forEach((name, s) -> {
            for (int i = 0; i < 3; i++) {
                s.run(input);
            }
            times.put(name, new ArrayList<>());
        });
        for (int r = 0; r < rounds; r++) {
            for (var e : sessions.entrySet()) {
                long t = System.nanoTime();
                e.getValue().run(input);
                times.get(e.getKey()).add((System.nanoTime() - t) / 1e6);
            }
        }
        for (var e : times.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s | %s | median %.1f ms | min %.1f ms | max %.1f ms | %d rounds | %s%n",
                    model, e.getKey(), median(ms), ms[0], ms[ms.length - 1], rounds, sessions.get(e.getKey()).device());
        }
        sessions.values().forEach(Session::close);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
