package dev.strix.benchmarks.profile;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import dev.strix.benchmarks.BenchmarkException;
import dev.strix.benchmarks.Latency;
import dev.strix.benchmarks.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Times every distinct node of a model alone on one backend and prints where the time goes:
 * {@code NodeProfile --model resnet50 [--batch 1] [--backend opencl] [--runs 5] [--warmup 1] [--top 15]
 * [--dir benchmarks/target/onnx]}. Weights come from the export of tools/onnx/export.py.
 */
public final class NodeProfile {
    private NodeProfile() {}

    public static void main(String[] args) {
        Map<String, String> a = options(args);
        String model = required(a, "--model");
        int batch = Integer.parseInt(a.getOrDefault("--batch", "1"));
        int runs = Integer.parseInt(a.getOrDefault("--runs", "5"));
        int warmup = Integer.parseInt(a.getOrDefault("--warmup", "1"));
        int top = Integer.parseInt(a.getOrDefault("--top", "15"));
        Path dir = Path.of(a.getOrDefault("--dir", "benchmarks/target/onnx"));
        Registry registry = Strix.registry();
        Backend backend = registry.backend(a.getOrDefault("--backend", "opencl"));
        Graph graph = registry.model(model, ModelOptions.defaults().withBatch(batch));
        Weights weights = Weights.read(ModelFiles.under(dir, model).weights());
        List<NodeTiming> timings = profile(graph, weights, registry, backend, warmup, runs);
        System.out.printf("%s batch %d on %s, each distinct node timed alone (median of %d runs after %d warm-up)%n",
                model, batch, backend.name(), runs, warmup);
        System.out.print(ProfileTable.markdown(timings, top));
    }

    /** Times each distinct node configuration of {@code graph} alone on {@code backend}. */
    public static List<NodeTiming> profile(Graph graph, Weights weights, Registry registry, Backend backend,
            int warmup, int runs) {
        Map<String, List<Node>> byConfig = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            byConfig.computeIfAbsent(configuration(n), k -> new ArrayList<>()).add(n);
        }
        List<NodeTiming> out = new ArrayList<>();
        Random random = new Random(42);
        for (var e : byConfig.entrySet()) {
            Node n = e.getValue().get(0);
            double ms = time(n, weights, registry, backend, random, warmup, runs);
            out.add(new NodeTiming(n.name(), n.type().name(), e.getKey(), n.macs(), ms, e.getValue().size()));
        }
        return out;
    }

    /** What makes two nodes cost the same: layer type, input shapes, attributes and parameter shapes. */
    static String configuration(Node n) {
        String ins = n.inputs().stream().map(v -> v.shape().toString()).collect(Collectors.joining(" "));
        String params = n.params().stream().map(p -> p.name() + p.shape()).collect(Collectors.joining(" "));
        return n.type().name() + " " + ins + " " + n.attributes() + (params.isEmpty() ? "" : " " + params);
    }

    private static double time(Node n, Weights weights, Registry registry, Backend backend, Random random,
            int warmup, int runs) {
        Graph g = SingleNode.graph(n, registry);
        List<Tensor> inputs = new ArrayList<>();
        for (Value v : n.inputs()) {
            inputs.add(randomTensor(v.shape(), random));
        }
        try (Session s = backend.compile(g, SingleNode.weights(n, weights), SessionOptions.defaults())) {
            return Latency.measure(() -> s.run(inputs), warmup, runs).median();
        }
    }

    private static Tensor randomTensor(Shape shape, Random random) {
        float[] d = new float[shape.elementCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(shape, d);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new BenchmarkException("option " + args[i] + " needs a value");
            }
            m.put(args[i], args[i + 1]);
        }
        return m;
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new BenchmarkException("missing " + key);
        }
        return v;
    }
}
