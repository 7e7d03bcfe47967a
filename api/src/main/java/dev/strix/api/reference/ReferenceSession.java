package dev.strix.api.reference;

import dev.strix.api.ShapeException;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.AbstractSession;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.weights.BoundWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Executes nodes in order, dropping each activation after its last reader. */
final class ReferenceSession extends AbstractSession {
    private final BoundWeights weights;

    ReferenceSession(Graph graph, BoundWeights weights) {
        super(graph);
        this.weights = weights;
    }

    @Override
    public String backend() {
        return ReferenceBackend.NAME;
    }

    @Override
    public String device() {
        return "Java reference executor";
    }

    @Override
    protected List<Tensor> execute(List<Tensor> inputs) {
        Graph g = graph();
        Map<String, List<Tensor>> live = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            live.put(g.inputs().get(i).name(), List.of(inputs.get(i)));
        }
        Map<String, Integer> lastUse = g.lastUses();
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            List<Tensor> ins = new ArrayList<>();
            for (Value v : n.inputs()) {
                ins.add(live.get(v.producer()).get(v.output()));
            }
            List<Tensor> outs = run(n, ins);
            live.put(n.name(), outs);
            for (Value v : n.inputs()) {
                if (lastUse.getOrDefault(v.producer(), -1) == i) {
                    live.remove(v.producer());
                }
            }
        }
        List<Tensor> result = new ArrayList<>();
        for (Value v : g.outputs()) {
            result.add(live.get(v.producer()).get(v.output()));
        }
        return result;
    }

    private List<Tensor> run(Node n, List<Tensor> ins) {
        LayerCall call = new LayerCall(n.name(), ins, weights.floatParams(n), weights.indexParams(n), n.attributes(),
                n.outputShapes());
        List<Tensor> outs;
        try {
            outs = n.type().forward(call);
        } catch (StrixException e) {
            throw new StrixException("node '" + n.name() + "' (" + n.type().name() + "): " + e.getMessage(), e);
        }
        if (outs.size() != n.outputShapes().size()) {
            throw new ShapeException("node '" + n.name() + "' (" + n.type().name() + ") returned " + outs.size()
                    + " outputs, declared " + n.outputShapes().size());
        }
        for (int k = 0; k < outs.size(); k++) {
            if (!outs.get(k).shape().equals(n.outputShapes().get(k))) {
                throw new ShapeException("node '" + n.name() + "' (" + n.type().name() + ") returned output " + k
                        + " of shape " + outs.get(k).shape() + ", declared " + n.outputShapes().get(k));
            }
        }
        return outs;
    }

    @Override
    protected void release() {
        // Nothing native; activations are dropped with each run.
    }
}
