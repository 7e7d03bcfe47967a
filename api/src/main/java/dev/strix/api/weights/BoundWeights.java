package dev.strix.api.weights;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * Weights checked against a graph: exactly the tensors its nodes declare, by state_dict key, with the names that
 * were present but deliberately ignored (auxiliary heads, {@code num_batches_tracked}).
 */
public record BoundWeights(Map<String, Tensor> floats, Map<String, IntTensor> integers, List<String> ignored,
        String source) {

    public BoundWeights {
        floats = Map.copyOf(floats);
        integers = Map.copyOf(integers);
        ignored = List.copyOf(ignored);
    }

    /** The float parameters of {@code node} by local name. */
    public Map<String, Tensor> floatParams(Node node) {
        Map<String, Tensor> m = new java.util.LinkedHashMap<>();
        node.params().forEach(p -> {
            Tensor t = floats.get(node.paramName(p.name()));
            if (t != null) {
                m.put(p.name(), t);
            }
        });
        return m;
    }

    /** The integer buffers of {@code node} by local name. */
    public Map<String, IntTensor> indexParams(Node node) {
        Map<String, IntTensor> m = new java.util.LinkedHashMap<>();
        node.params().forEach(p -> {
            IntTensor t = integers.get(node.paramName(p.name()));
            if (t != null) {
                m.put(p.name(), t);
            }
        });
        return m;
    }
}
