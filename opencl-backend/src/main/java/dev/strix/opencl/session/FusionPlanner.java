package dev.strix.opencl.session;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.BoundWeights;
import dev.strix.opencl.kernel.Activation;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.OpenClKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a lowered graph into session steps, folding and fusing at compile time: batch norm into the preceding
 * convolution's weights and bias, then a residual add and an activation into the producer's epilogue, when the
 * producer's kernel {@link OpenClKernel#fusesEpilogue() fuses epilogues} and each absorbed node is the sole reader
 * of what it absorbs. Layers that only reinterpret memory become views.
 */
final class FusionPlanner {
    /** Layer types whose output is their input's memory, reinterpreted. */
    static final Set<String> VIEWS = Set.of("identity", "flatten", "reshape", "dropout", "stochastic_depth");

    private final Graph graph;
    private final BoundWeights weights;
    private final Function<Node, OpenClKernel> kernels;
    private final Map<String, List<Integer>> readers = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final Map<String, Integer> index = new HashMap<>();

    FusionPlanner(Graph graph, BoundWeights weights, Function<Node, OpenClKernel> kernels) {
        this.graph = graph;
        this.weights = weights;
        this.kernels = kernels;
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
            for (Value v : nodes.get(i).inputs()) {
                readers.computeIfAbsent(key(v), k -> new ArrayList<>()).add(i);
            }
        }
        graph.outputs().forEach(v -> graphOutputs.add(key(v)));
    }

    static String key(Value v) {
        return v.producer() + ":" + v.output();
    }

    List<PlannedNode> plan() {
        List<Node> nodes = graph.nodes();
        boolean[] absorbed = new boolean[nodes.size()];
        List<PlannedNode> steps = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        graph.inputs().stream().map(GraphInput::name).forEach(inputs::add);
        for (int i = 0; i < nodes.size(); i++) {
            if (absorbed[i]) {
                continue;
            }
            Node node = nodes.get(i);
            String type = node.type().name();
            Map<String, Tensor> params = new LinkedHashMap<>(weights.floatParams(node));
            if (VIEWS.contains(type)) {
                steps.add(new PlannedNode(node, null, params, Map.of(), Epilogue.NONE, null, node.inputs(),
                        outputs(node), List.of(), true));
                continue;
            }
            OpenClKernel kernel = kernels.apply(node);
            Epilogue epilogue = Epilogue.NONE;
            Value residual = null;
            Node last = node;
            List<String> names = new ArrayList<>();
            if (kernel != null && kernel.fusesEpilogue() && node.outputShapes().size() == 1) {
                Optional<Node> next = soleReader(last);
                if (type.equals("conv2d") && next.isPresent() && next.get().type().name().equals("batch_norm")) {
                    BatchNormFolding.fold(params, weights.floatParams(next.get()), next.get());
                    last = absorb(next.get(), absorbed, names);
                    next = soleReader(last);
                }
                if (next.isPresent() && next.get().type().name().equals("add")) {
                    Value other = otherOperand(next.get(), last);
                    if (other != null && other.shape().equals(last.outputShapes().get(0))
                            && available(other, i, inputs)) {
                        residual = other;
                        epilogue = epilogue.withResidual();
                        last = absorb(next.get(), absorbed, names);
                        next = soleReader(last);
                    }
                }
                if (next.isPresent()) {
                    Optional<Activation.Resolved> act = Activation.of(next.get().type().name(),
                            next.get().attributes());
                    if (act.isPresent()) {
                        epilogue = epilogue.withActivation(act.get().activation(), act.get().alpha());
                        last = absorb(next.get(), absorbed, names);
                    }
                }
            }
            steps.add(new PlannedNode(node, kernel, params, weights.indexParams(node), epilogue, residual,
                    node.inputs(), outputs(last), names, false));
        }
        return steps;
    }

    private Node absorb(Node n, boolean[] absorbed, List<String> names) {
        absorbed[index.get(n.name())] = true;
        names.add(n.name());
        return n;
    }

    private static List<Value> outputs(Node n) {
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < n.outputShapes().size(); k++) {
            out.add(n.output(k));
        }
        return out;
    }

    /** The node that alone reads {@code n}'s single output once, when the output is not also a graph output. */
    private Optional<Node> soleReader(Node n) {
        if (n.outputShapes().size() != 1) {
            return Optional.empty();
        }
        String k = key(n.output(0));
        List<Integer> r = readers.getOrDefault(k, List.of());
        if (r.size() != 1 || graphOutputs.contains(k)) {
            return Optional.empty();
        }
        return Optional.of(graph.nodes().get(r.get(0)));
    }

    /** The operand of the two-input {@code add} that is not {@code producer}'s output. */
    private static Value otherOperand(Node add, Node producer) {
        if (add.inputs().size() != 2) {
            return null;
        }
        Value a = add.inputs().get(0);
        Value b = add.inputs().get(1);
        boolean aIs = a.producer().equals(producer.name());
        boolean bIs = b.producer().equals(producer.name());
        if (aIs == bIs) {
            return null;
        }
        return aIs ? b : a;
    }

    /** Whether {@code v} is computed before step {@code i} runs (a graph input or an earlier node's output). */
    private boolean available(Value v, int i, Set<String> inputs) {
        if (inputs.contains(v.producer())) {
            return true;
        }
        Integer p = index.get(v.producer());
        return p != null && p < i;
    }
}
