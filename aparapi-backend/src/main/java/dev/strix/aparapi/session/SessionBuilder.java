package dev.strix.aparapi.session;

import dev.strix.aparapi.device.Target;
import dev.strix.aparapi.layers.ActivationKernels;
import dev.strix.aparapi.layers.Fusion;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.BoundWeights;
import dev.strix.api.weights.WeightBinder;
import dev.strix.api.weights.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a graph for Aparapi: lowers composites it has no fused kernel for, binds the weights, gives every value
 * a Java array (views share their input's), asks each node's {@link AparapiKernel} for its launches (or plans a
 * host step), then pins every launch to the target — building the OpenCL for each kernel now, so a device that
 * rejects one fails at compile time rather than mid-run.
 */
public final class SessionBuilder {
    private final Map<String, AparapiKernel> kernels;

    /** A builder using {@code kernels} by layer type. */
    public SessionBuilder(Map<String, AparapiKernel> kernels) {
        this.kernels = Map.copyOf(kernels);
    }

    public AparapiSession build(Graph graph, Weights weights, Target target, ModeRequest request) {
        Graph g = graph.lowered(n -> {
            AparapiKernel k = kernels.get(n.type().name());
            return k != null && k.fusesComposite();
        });
        BoundWeights bound = WeightBinder.bind(g, weights);
        Map<String, float[][]> arrays = new HashMap<>();
        List<float[]> inputs = new ArrayList<>();
        for (GraphInput in : g.inputs()) {
            float[] a = new float[in.shape().elementCount()];
            inputs.add(a);
            arrays.put(in.name(), new float[][] {a});
        }
        Map<String, List<Node>> chains = chains(g);
        Map<String, Node> absorbed = new HashMap<>();
        chains.values().forEach(c -> c.subList(1, c.size()).forEach(n -> absorbed.put(n.name(), n)));
        List<Runnable> steps = new ArrayList<>();
        List<Launch> launches = new ArrayList<>();
        NodeContext.Sink sink = l -> {
            launches.add(l);
            steps.add(l);
        };
        try {
            for (Node n : g.nodes()) {
                if (absorbed.containsKey(n.name())) {
                    continue;
                }
                float[][] ins = n.inputs().stream().map(v -> arrays.get(v.producer())[v.output()])
                        .toArray(float[][]::new);
                AparapiKernel k = kernels.get(n.type().name());
                List<Node> chain = chains.get(n.name());
                Node last = chain == null ? n : chain.get(chain.size() - 1);
                float[][] outs;
                if (k != null && k.isView()) {
                    outs = new float[][] {ins[0]};
                } else {
                    outs = last.outputShapes().stream().map(s -> new float[s.elementCount()])
                            .toArray(float[][]::new);
                    if (k == null) {
                        steps.add(new HostStep(n, ins, outs, bound.floatParams(n), bound.indexParams(n)));
                    } else if (chain != null) {
                        planChain(chain, ins, outs, residual(chain, arrays), bound, target.mode(), sink);
                    } else {
                        k.build(new NodeContext(n, ins, outs, bound.floatParams(n), bound.indexParams(n), target.mode(), sink));
                    }
                }
                arrays.put(n.name(), outs);
                if (chain != null) {
                    chain.forEach(c -> arrays.put(c.name(), outs));
                }
            }
            for (Launch l : launches) {
                l.prepare(target, request);
            }
        } catch (RuntimeException e) {
            launches.forEach(Launch::close);
            throw e;
        }
        List<float[]> outputs = new ArrayList<>();
        for (Value v : g.outputs()) {
            outputs.add(arrays.get(v.producer())[v.output()]);
        }
        return new AparapiSession(g, target, request, inputs, outputs, steps);
    }

    private static void planChain(List<Node> chain, float[][] ins, float[][] outs, float[] residual,
            BoundWeights bound, Mode mode, NodeContext.Sink sink) {
        Node head = chain.get(0);
        Node norm = chain.stream().filter(c -> c != head && c.type().name().equals("batch_norm")).findFirst()
                .orElse(null);
        Node act = chain.stream().filter(c -> c != head && ActivationKernels.isFusable(c.type().name())).findFirst()
                .orElse(null);
        NodeContext headContext = new NodeContext(head, ins, outs, bound.floatParams(head), bound.indexParams(head),
                mode, sink);
        NodeContext normContext = norm == null ? null : new NodeContext(norm, new float[][] {outs[0]}, outs,
                bound.floatParams(norm), bound.indexParams(norm), mode, sink);
        Fusion.plan(headContext, normContext, residual, act);
    }

    /** Whether {@code n} is an add a chain with this head absorbed as its residual (its only two-input follower). */
    private static boolean isResidualAdd(Node head, Node n) {
        return n != head && n.inputs().size() == 2;
    }

    /**
     * The array of the value a chain's residual add adds (its operand that is not the chain's own), or null for a
     * chain without one.
     */
    private static float[] residual(List<Node> chain, Map<String, float[][]> arrays) {
        for (int i = 1; i < chain.size(); i++) {
            Node n = chain.get(i);
            if (isResidualAdd(chain.get(0), n)) {
                String own = chain.get(i - 1).name();
                Value other = n.inputs().get(0).producer().equals(own) ? n.inputs().get(1) : n.inputs().get(0);
                return arrays.get(other.producer())[other.output()];
            }
        }
        return null;
    }

    /**
     * The fusable chains by head name: a built-in conv2d, linear, add, mul or batch_norm followed by what its kernel
     * can apply before writing (see {@link Fusion}), where each follower is the only reader of the value before it
     * and that value is no graph output. Chains of one node are left out. A residual add joins a chain whose head
     * takes one ({@link Fusion#absorbsResidual}) when its other operand has the same shape and is computed before
     * the head (a graph input, or a node planned earlier); only an activation may follow it.
     */
    private Map<String, List<Node>> chains(Graph g) {
        Map<String, List<Node>> readers = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Node n : g.nodes()) {
            order.put(n.name(), order.size());
            for (Value v : n.inputs()) {
                readers.computeIfAbsent(v.producer(), p -> new ArrayList<>()).add(n);
            }
        }
        Set<String> outputs = new HashSet<>();
        g.outputs().forEach(v -> outputs.add(v.producer()));
        Map<String, List<Node>> chains = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Node head : g.nodes()) {
            if (taken.contains(head.name()) || !builtin(head) || !Fusion.plansHead(head.type().name())) {
                continue;
            }
            List<Node> chain = new ArrayList<>(List.of(head));
            Node cur = head;
            boolean added = false;
            while (cur.outputShapes().size() == 1 && !outputs.contains(cur.name())) {
                List<Node> r = readers.getOrDefault(cur.name(), List.of());
                if (r.size() != 1 || !builtin(r.get(0))) {
                    break;
                }
                Node next = r.get(0);
                if (kernels.get(next.type().name()).isView()
                        && next.outputShapes().equals(cur.outputShapes())) {
                    chain.add(next); // dropout, identity: the value passes unchanged
                    cur = next;
                    continue;
                }
                if (next.inputs().size() != 1) {
                    if (added || !isAddable(head, cur, next, order)) {
                        break;
                    }
                    chain.add(next);
                    cur = next;
                    added = true;
                    continue; // an activation may follow the residual
                }
                boolean hasNorm = chain.stream().anyMatch(c -> c != head && c.type().name().equals("batch_norm"));
                if (added && !ActivationKernels.isFusable(next.type().name())
                        || !Fusion.absorbs(head.type().name(), hasNorm, next.type().name())) {
                    break;
                }
                chain.add(next);
                cur = next;
                if (!next.type().name().equals("batch_norm")) {
                    break; // an activation ends the chain: nothing applies after it
                }
            }
            // Trailing views absorb nothing: they stay views of the chain's value.
            while (chain.size() > 1 && kernels.get(chain.get(chain.size() - 1).type().name()).isView()) {
                chain.remove(chain.size() - 1);
            }
            if (chain.size() > 1) {
                chains.put(head.name(), chain);
                chain.forEach(c -> taken.add(c.name()));
            }
        }
        return chains;
    }

    /**
     * Whether {@code add}, the only reader of {@code cur} (the chain's value so far), can join the chain of
     * {@code head} as its residual: an add of two values of its own shape whose other operand exists before the
     * head runs.
     */
    private static boolean isAddable(Node head, Node cur, Node add, Map<String, Integer> order) {
        if (!add.type().name().equals("add") || add.inputs().size() != 2 || !Fusion.absorbsResidual(head)) {
            return false;
        }
        Value a = add.inputs().get(0);
        Value b = add.inputs().get(1);
        if (a.producer().equals(cur.name()) == b.producer().equals(cur.name())) {
            return false; // x + x, or cur is not an operand
        }
        Value other = a.producer().equals(cur.name()) ? b : a;
        var shape = add.outputShapes().get(0);
        Integer producer = order.get(other.producer());
        return add.inputShapes().get(0).equals(shape) && add.inputShapes().get(1).equals(shape)
                && (producer == null || producer < order.get(head.name()));
    }

    private boolean builtin(Node n) {
        AparapiKernel k = kernels.get(n.type().name());
        return k != null && Fusion.isBuiltin(k);
    }
}
