package dev.strix.layers;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.CorePlugin;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: one-node graphs over the built-in layers, run on the reference backend. */
public final class Layers {
    /** The node name every helper uses; its parameters are {@code node.<local name>}. */
    public static final String NODE = "node";

    private static final Registry REGISTRY = RegistryFactory.create(
            List.of(new LayersPlugin(), new AttentionLayersPlugin(), new CorePlugin()), List.of());

    private Layers() {}

    public static Registry registry() {
        return REGISTRY;
    }

    /** A graph of inputs x0, x1 … feeding one node of {@code type} named {@link #NODE}. */
    public static Graph graph(String type, Attributes attributes, List<Shape> inputs) {
        GraphBuilder b = new GraphBuilder(REGISTRY);
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ins.add(b.input("x" + i, inputs.get(i)));
        }
        return b.build(b.layer(type, NODE).attrs(attributes).applyAll(ins));
    }

    public static Graph graph(String type, Attributes attributes, Shape... inputs) {
        return graph(type, attributes, List.of(inputs));
    }

    /** The single node of a one-node graph. */
    public static Node node(String type, Attributes attributes, Shape... inputs) {
        return graph(type, attributes, inputs).node(NODE);
    }

    /** Runs one node on the reference backend with parameters given by local name. */
    public static List<Tensor> run(String type, Attributes attributes, Map<String, Tensor> params,
            List<Tensor> inputs) {
        Graph g = graph(type, attributes, inputs.stream().map(Tensor::shape).toList());
        Map<String, Tensor> named = new LinkedHashMap<>();
        params.forEach((k, v) -> named.put(NODE + "." + k, v));
        try (Session s = new ReferenceBackend().compile(g, Weights.of(named), SessionOptions.defaults())) {
            return s.run(inputs);
        }
    }

    public static Tensor run(String type, Attributes attributes, Tensor... inputs) {
        return run(type, attributes, Map.of(), List.of(inputs)).get(0);
    }
}
