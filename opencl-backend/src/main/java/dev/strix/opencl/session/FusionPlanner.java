package dev.strix.opencl.session;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.BoundWeights;
import dev.strix.opencl.builtin.conv.Conv2dKernel;
import dev.strix.opencl.builtin.conv.ConvGeometry;
import dev.strix.opencl.builtin.conv.ExpandDepthwiseKernel;
import dev.strix.opencl.kernel.Activation;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Tuning;
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
 * of what it absorbs. Layers that only reinterpret memory become views. Where the device's tuning asks for it
 * ({@code DW_FUSE}), a 1×1 convolution and the depthwise convolution that alone reads it become one step
 * ({@link ExpandDepthwiseKernel}).
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
    private final Set<String> graphInputs = new HashSet<>();
    private final Tuning tuning;

    FusionPlanner(Graph graph, BoundWeights weights, Function<Node, OpenClKernel> kernels, Tuning tuning) {
        this.graph = graph;
        this.weights = weights;
        this.kernels = kernels;
        this.tuning = tuning;
        graph.inputs().stream().map(GraphInput::name).forEach(graphInputs::add);
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
        for (int i = 0; i < nodes.size(); i++) {
            if (absorbed[i]) {
                continue;
            }
            Node node = nodes.get(i);
            if (VIEWS.contains(node.type().name())) {
                steps.add(new PlannedNode(node, null, weights.floatParams(node), Map.of(), Epilogue.NONE, null,
                        node.inputs(), outputs(node), List.of(), true));
                continue;
            }
            OpenClKernel kernel = kernels.apply(node);
            Group group = group(i, kernel, absorbed);
            PlannedNode fused = fuseDepthwise(group, kernel, absorbed);
            steps.add(fused != null ? fused : new PlannedNode(node, kernel, group.params(),
                    weights.indexParams(node), group.epilogue(), group.residual(), node.inputs(),
                    outputs(group.last()), group.names(), false));
        }
        return steps;
    }

    /**
     * A producer and what folds and fuses into it: its parameters (batch norm folded in), epilogue, residual
     * operand, the group's last node and the names of the absorbed nodes.
     */
    private record Group(Node node, Map<String, Tensor> params, Epilogue epilogue, Value residual, Node last,
            List<String> names) {}

    /** Node {@code i}'s group, marking the nodes it absorbs. */
    private Group group(int i, OpenClKernel kernel, boolean[] absorbed) {
        Node node = graph.nodes().get(i);
        Map<String, Tensor> params = new LinkedHashMap<>(weights.floatParams(node));
        Epilogue epilogue = Epilogue.NONE;
        Value residual = null;
        Node last = node;
        List<String> names = new ArrayList<>();
        if (kernel != null && kernel.fusesEpilogue() && node.outputShapes().size() == 1) {
            Optional<Node> next = soleReader(last);
            if (node.type().name().equals("conv2d") && next.isPresent()
                    && next.get().type().name().equals("batch_norm")) {
                BatchNormFolding.fold(params, weights.floatParams(next.get()), next.get());
                last = absorb(next.get(), absorbed, names);
                next = soleReader(last);
            }
            if (next.isPresent() && next.get().type().name().equals("add")) {
                Value other = otherOperand(next.get(), last);
                if (other != null && other.shape().equals(last.outputShapes().get(0)) && available(other, i)) {
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
        return new Group(node, params, epilogue, residual, last, names);
    }

    /**
     * The expand convolution of {@code expand} and the depthwise convolution that alone reads it as one step
     * ({@link ExpandDepthwiseKernel}) where the tuning and both geometries allow, marking the depthwise group
     * absorbed; else null, nothing marked.
     */
    private PlannedNode fuseDepthwise(Group expand, OpenClKernel kernel, boolean[] absorbed) {
        Optional<Node> next = soleReader(expand.last());
        OpenClKernel nextKernel = next.map(kernels).orElse(null);
        if (!(kernel instanceof Conv2dKernel) || !(nextKernel instanceof Conv2dKernel)) {
            return null;
        }
        Node dwNode = next.get();
        boolean[] trial = absorbed.clone();
        Group dw = group(index.get(dwNode.name()), nextKernel, trial);
        ConvGeometry e = geometry(expand.node());
        ConvGeometry d = geometry(dwNode);
        if (!ExpandDepthwiseKernel.fuses(tuning, e, expand.epilogue(), d, dw.epilogue())) {
            return null;
        }
        System.arraycopy(trial, 0, absorbed, 0, absorbed.length);
        absorbed[index.get(dwNode.name())] = true;
        List<String> names = new ArrayList<>(expand.names());
        names.add(dwNode.name());
        names.addAll(dw.names());
        OpenClKernel fused = new ExpandDepthwiseKernel(dwNode, dw.params().get("weight"), dw.params().get("bias"),
                dw.epilogue());
        return new PlannedNode(expand.node(), fused, expand.params(), Map.of(), expand.epilogue(), null,
                expand.node().inputs(), outputs(dw.last()), names, false);
    }

    private static ConvGeometry geometry(Node conv) {
        return ConvGeometry.of(conv.attributes(), conv.inputShapes().get(0), conv.outputShapes().get(0));
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
    private boolean available(Value v, int i) {
        if (graphInputs.contains(v.producer())) {
            return true;
        }
        Integer p = index.get(v.producer());
        return p != null && p < i;
    }
}
