package dev.strix.api.graph;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An immutable directed acyclic graph of nodes in topological order, with named inputs, outputs and string
 * metadata. Holds no weights: parameters are described by {@link ParamSpec}s and bound by a backend.
 */
public final class Graph {
    /** Metadata key: comma-separated state_dict prefixes a weights file may carry and this graph ignores. */
    public static final String IGNORED_WEIGHT_PREFIXES = "ignored_weight_prefixes";

    private final List<GraphInput> inputs;
    private final List<Node> nodes;
    private final List<Value> outputs;
    private final Map<String, String> metadata;
    private final Map<String, Node> byName;
    private final LayerTypes layers;

    Graph(List<GraphInput> inputs, List<Node> nodes, List<Value> outputs, Map<String, String> metadata,
            LayerTypes layers) {
        this.inputs = List.copyOf(inputs);
        this.nodes = List.copyOf(nodes);
        this.outputs = List.copyOf(outputs);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Map<String, Node> map = new HashMap<>();
        for (Node n : nodes) {
            map.put(n.name(), n);
        }
        this.byName = map;
        this.layers = layers;
    }

    public List<GraphInput> inputs() {
        return inputs;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Value> outputs() {
        return outputs;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** The layer types this graph was built with. */
    public LayerTypes layers() {
        return layers;
    }

    /** The node called {@code name}, or null. */
    public Node node(String name) {
        return byName.get(name);
    }

    /** Every parameter and buffer by state_dict key, in node order. */
    public Map<String, ParamSpec> parameters() {
        Map<String, ParamSpec> all = new LinkedHashMap<>();
        for (Node n : nodes) {
            for (ParamSpec p : n.params()) {
                String key = n.paramName(p.name());
                ParamSpec previous = all.putIfAbsent(key, p);
                if (previous != null && !previous.shape().equals(p.shape())) {
                    throw new ShapeException("parameter '" + key + "' is declared twice with shapes "
                            + previous.shape() + " and " + p.shape());
                }
            }
        }
        return all;
    }

    /** Trainable parameter elements, counted as PyTorch's {@code sum(p.numel() for p in model.parameters())}. */
    public long parameterCount() {
        return parameters().values().stream().filter(ParamSpec::trainable).mapToLong(p -> p.shape().size()).sum();
    }

    /** Multiply-accumulates of one forward pass at this graph's batch size. */
    public long macs() {
        return nodes.stream().mapToLong(Node::macs).sum();
    }

    /** Prefixes of weights this graph ignores when loading (e.g. auxiliary heads left out at inference). */
    public List<String> ignoredWeightPrefixes() {
        String v = metadata.get(IGNORED_WEIGHT_PREFIXES);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether any node is of a composite layer type. */
    public boolean hasComposites() {
        return nodes.stream().anyMatch(n -> n.type().isComposite());
    }

    /**
     * This graph with every composite node replaced by its expansion, except those {@code keep} accepts (a backend
     * keeps those it has a fused kernel for). Node names inside an expansion start with the composite's name;
     * parameter names are unchanged.
     */
    public Graph lowered(Predicate<Node> keep) {
        Graph g = this;
        while (g.nodes.stream().anyMatch(n -> n.type().isComposite() && !keep.test(n))) {
            g = g.lowerOnce(keep);
        }
        return g;
    }

    /** This graph with every composite expanded into primitives. */
    public Graph lowered() {
        return lowered(n -> false);
    }

    private Graph lowerOnce(Predicate<Node> keep) {
        GraphBuilder b = new GraphBuilder(layers);
        Map<String, List<Value>> mapped = new HashMap<>();
        for (GraphInput in : inputs) {
            mapped.put(in.name(), List.of(b.input(in.name(), in.shape())));
        }
        metadata.forEach(b::metadata);
        for (Node n : nodes) {
            List<Value> ins = n.inputs().stream().map(v -> mapped.get(v.producer()).get(v.output())).toList();
            List<Value> outs;
            if (n.type().isComposite() && !keep.test(n)) {
                outs = n.type().expand(b.absoluteScope(n.name(), n.paramPrefix()), ins, n.attributes());
                List<Shape> got = outs.stream().map(Value::shape).toList();
                if (!got.equals(n.outputShapes())) {
                    throw new ShapeException("node '" + n.name() + "' (" + n.type().name() + "): expansion produced "
                            + got + " but the node declares " + n.outputShapes());
                }
            } else {
                outs = b.addNode(n.name(), n.type(), n.attributes(), ins, n.paramPrefix());
            }
            mapped.put(n.name(), outs);
        }
        return b.build(outputs.stream().map(v -> mapped.get(v.producer()).get(v.output())).toList());
    }

    /**
     * The same graph for another batch size: every input's first dimension becomes {@code batch} and shapes are
     * inferred again. Layers that reshape must therefore keep the batch dimension symbolic.
     */
    public Graph withBatch(int batch) {
        if (batch < 1) {
            throw new ShapeException("batch must be at least 1, got " + batch);
        }
        GraphBuilder b = new GraphBuilder(layers);
        Map<String, List<Value>> mapped = new HashMap<>();
        for (GraphInput in : inputs) {
            mapped.put(in.name(), List.of(b.input(in.name(), in.shape().with(0, batch))));
        }
        metadata.forEach(b::metadata);
        for (Node n : nodes) {
            List<Value> ins = n.inputs().stream().map(v -> mapped.get(v.producer()).get(v.output())).toList();
            mapped.put(n.name(), b.addNode(n.name(), n.type(), n.attributes(), ins, n.paramPrefix()));
        }
        return b.build(outputs.stream().map(v -> mapped.get(v.producer()).get(v.output())).toList());
    }

    /** For each value producer, the index of the last node that reads it (graph outputs count as never freed). */
    public Map<String, Integer> lastUses() {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (Value v : nodes.get(i).inputs()) {
                last.put(v.producer(), i);
            }
        }
        for (Value v : outputs) {
            last.put(v.producer(), Integer.MAX_VALUE);
        }
        return last;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (GraphInput in : inputs) {
            names.add(in.name() + in.shape());
        }
        return "Graph(" + nodes.size() + " nodes, inputs " + names + ", outputs " + outputs + ")";
    }
}
