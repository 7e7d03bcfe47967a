package dev.strix.api.weights;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks weights against a graph before a backend uploads them. Missing and unexpected names are listed together;
 * shape and dtype mismatches name the tensor with what was expected and found. Names ending in
 * {@code num_batches_tracked} and names under the graph's ignored prefixes are reported and skipped.
 */
public final class WeightBinder {
    private static final System.Logger LOG = System.getLogger(WeightBinder.class.getName());
    private static final int LIST_LIMIT = 20;

    private WeightBinder() {}

    public static BoundWeights bind(Graph graph, Weights weights) {
        Map<String, ParamSpec> specs = graph.parameters();
        Map<String, Tensor> floats = new LinkedHashMap<>();
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (var e : specs.entrySet()) {
            String name = e.getKey();
            ParamSpec spec = e.getValue();
            if (spec.kind() == ParamSpec.Kind.INDEX) {
                IntTensor t = weights.integers().get(name);
                if (t == null) {
                    if (weights.floats().containsKey(name)) {
                        mismatched.add(name + ": expected an integer buffer, found a float tensor");
                    } else {
                        missing.add(name);
                    }
                } else if (!t.shape().equals(spec.shape())) {
                    mismatched.add(name + ": expected shape " + spec.shape() + ", found " + t.shape());
                } else {
                    ints.put(name, t);
                }
                continue;
            }
            Tensor t = weights.floats().get(name);
            if (t == null) {
                if (weights.integers().containsKey(name)) {
                    mismatched.add(name + ": expected a float tensor, found an integer one");
                } else {
                    missing.add(name);
                }
            } else if (!t.shape().equals(spec.shape())) {
                mismatched.add(name + ": expected shape " + spec.shape() + ", found " + t.shape());
            } else {
                floats.put(name, t);
            }
        }
        List<String> prefixes = graph.ignoredWeightPrefixes();
        List<String> ignored = new ArrayList<>();
        Set<String> unexpected = new TreeSet<>();
        for (String name : weights.names()) {
            if (specs.containsKey(name)) {
                continue;
            }
            if (name.endsWith("num_batches_tracked") || prefixes.stream().anyMatch(name::startsWith)) {
                ignored.add(name);
            } else {
                unexpected.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            StringBuilder m = new StringBuilder(weights.source()).append(" does not fit the graph:");
            list(m, "missing", missing);
            list(m, "unexpected", new ArrayList<>(unexpected));
            list(m, "mismatched", mismatched);
            throw new WeightsException(m.toString());
        }
        List<String> reported = ignored.stream().filter(n -> !n.endsWith("num_batches_tracked")).toList();
        if (!reported.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "ignoring " + reported.size() + " tensors of " + weights.source()
                    + " that this graph leaves out (" + String.join(", ", prefixes) + ")");
        }
        return new BoundWeights(floats, ints, ignored, weights.source());
    }

    private static void list(StringBuilder m, String what, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        m.append("\n  ").append(what).append(" (").append(names.size()).append("): ");
        m.append(String.join(", ", names.subList(0, Math.min(LIST_LIMIT, names.size()))));
        if (names.size() > LIST_LIMIT) {
            m.append(", …");
        }
    }
}
