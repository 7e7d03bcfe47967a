package dev.strix.benchmarks.profile;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.weights.Weights;
import dev.strix.benchmarks.BenchmarkException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One node of a model as a graph of its own: its inputs become graph inputs, its parameters keep their values. */
public final class SingleNode {
    /** The node's name in the one-node graph; its parameters are {@code node.<local name>}. */
    static final String NAME = "node";

    private SingleNode() {}

    /** A graph holding only {@code node}, with one graph input per node input and the node's outputs. */
    public static Graph graph(Node node, LayerTypes layers) {
        GraphBuilder b = new GraphBuilder(layers);
        List<Value> inputs = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            inputs.add(b.input("input" + i, node.inputs().get(i).shape()));
        }
        List<Value> outputs = b.layer(node.type().name(), NAME).attrs(node.attributes()).applyAll(inputs);
        return b.build(outputs);
    }

    /** The node's parameters from the model's {@code weights}, renamed for {@link #graph}. */
    public static Weights weights(Node node, Weights weights) {
        Map<String, Tensor> floats = new LinkedHashMap<>();
        Map<String, IntTensor> integers = new LinkedHashMap<>();
        for (ParamSpec p : node.params()) {
            String full = node.paramName(p.name());
            String local = NAME + "." + p.name();
            if (p.kind() == ParamSpec.Kind.INDEX) {
                IntTensor t = weights.integers().get(full);
                integers.put(local, t != null ? t : p.index());
            } else {
                Tensor t = weights.get(full);
                if (t == null) {
                    throw new BenchmarkException(weights.source() + " has no tensor '" + full + "' for node '"
                            + node.name() + "' (" + node.type().name() + ")");
                }
                floats.put(local, t);
            }
        }
        return Weights.of(floats, integers, Map.of(), "node '" + node.name() + "' of " + weights.source());
    }
}
