package dev.strix.cli.summary;

import dev.strix.api.Shape;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code strix summary} reports of a graph: a row per node as built (a composite block stays one row), and the
 * totals. A composite's MACs are those of its expansion, so the totals equal what a backend actually computes.
 *
 * @param inputs the graph's inputs
 * @param outputs the shapes of its outputs
 * @param nodes one row per node, in execution order
 * @param parameters trainable parameters, as PyTorch counts them
 * @param macs multiply-accumulates of one forward pass at the graph's batch
 * @param activationBytes float32 bytes of every node output together
 * @param peakActivationBytes the most activation bytes alive at once when nodes run in order and each output is
 *     freed after its last reader (inputs included; composites counted expanded)
 */
public record GraphSummary(List<GraphInput> inputs, List<Shape> outputs, List<NodeRow> nodes, long parameters,
        long macs, long activationBytes, long peakActivationBytes) {

    /** One node. */
    public record NodeRow(String name, String type, List<Shape> outputShapes, long parameters, long macs,
            long activationBytes) {}

    public static GraphSummary of(Graph graph) {
        Graph lowered = graph.lowered();
        List<NodeRow> rows = new ArrayList<>();
        long macs = 0;
        long activations = 0;
        for (Node n : graph.nodes()) {
            long m = n.type().isComposite() ? expandedMacs(lowered, n.name()) : n.macs();
            rows.add(new NodeRow(n.name(), n.type().name(), n.outputShapes(), n.trainableParameterCount(), m,
                    n.activationBytes()));
            macs += m;
            activations += n.activationBytes();
        }
        List<Shape> outs = graph.outputs().stream().map(Value::shape).toList();
        return new GraphSummary(graph.inputs(), outs, rows, graph.parameterCount(), macs, activations,
                peakLive(lowered));
    }

    /** MACs of the nodes a composite expanded into: their names start with the composite's. */
    private static long expandedMacs(Graph lowered, String composite) {
        String prefix = composite + ".";
        return lowered.nodes().stream().filter(n -> n.name().startsWith(prefix)).mapToLong(Node::macs).sum();
    }

    /** Walks the nodes in order, adding each output when produced and dropping each value after its last reader. */
    private static long peakLive(Graph g) {
        Map<String, Integer> lastUse = g.lastUses();
        Map<String, Long> bytes = new HashMap<>();
        long live = 0;
        for (GraphInput in : g.inputs()) {
            bytes.put(in.name(), in.shape().size() * Float.BYTES);
            live += in.shape().size() * Float.BYTES;
        }
        long peak = live;
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            bytes.put(n.name(), n.activationBytes());
            live += n.activationBytes();
            peak = Math.max(peak, live);
            for (Value v : n.inputs()) {
                Long b = bytes.get(v.producer());
                if (b != null && lastUse.getOrDefault(v.producer(), -1) == i) {
                    live -= b;
                    bytes.remove(v.producer());
                }
            }
            if (!lastUse.containsKey(n.name())) {
                live -= bytes.remove(n.name()); // read by nobody and not an output
            }
        }
        return peak;
    }
}
