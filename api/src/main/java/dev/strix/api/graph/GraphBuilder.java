package dev.strix.api.graph;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.StrixException;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Graph} node by node, inferring shapes as it goes so that a wrong shape fails here, naming the
 * node, its layer type, and what was expected and found. Building allocates no weights.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder(registry);
 * Value x = b.input("input", Shape.of(1, 3, 224, 224));
 * x = b.layer("conv2d", "conv1").attr("out_channels", 64).attr("kernel_size", 7).attr("stride", 2)
 *         .attr("padding", 3).attr("bias", false).apply(x);
 * GraphBuilder block = b.scope("layer1.0");   // names and parameter paths below start with "layer1.0."
 * }</pre>
 *
 * <p>A builder and its scopes share one graph under construction; they are not thread-safe.
 */
public final class GraphBuilder {
    private final State state;
    private final String namePrefix;
    private final String paramPrefix;

    /** A builder resolving layer types through {@code layers}. */
    public GraphBuilder(LayerTypes layers) {
        this(new State(Objects.requireNonNull(layers, "layers")), "", "");
    }

    private GraphBuilder(State state, String namePrefix, String paramPrefix) {
        this.state = state;
        this.namePrefix = namePrefix;
        this.paramPrefix = paramPrefix;
    }

    /** The layer types this builder resolves names with. */
    public LayerTypes layers() {
        return state.layers;
    }

    /** Declares a graph input. Inputs are always named absolutely, whatever the scope. */
    public Value input(String name, Shape shape) {
        state.claim(name);
        GraphInput in = new GraphInput(name, shape);
        state.inputs.add(in);
        state.values.put(name, new Shape[] {shape});
        return in.value();
    }

    /**
     * A view of this builder whose node names and parameter paths are prefixed with {@code child} (joined by a
     * dot), as a block inside a model is.
     */
    public GraphBuilder scope(String child) {
        return new GraphBuilder(state, join(namePrefix, child), join(paramPrefix, child));
    }

    /** A view whose node names are prefixed with {@code nameChild} and parameter paths with {@code paramChild}. */
    public GraphBuilder scope(String nameChild, String paramChild) {
        return new GraphBuilder(state, join(namePrefix, nameChild), join(paramPrefix, paramChild));
    }

    /** Scope by absolute prefixes, used when lowering a composite node in place. */
    GraphBuilder absoluteScope(String names, String params) {
        return new GraphBuilder(state, names, params);
    }

    /** Starts a node of layer type {@code type} named {@code name} within this scope. */
    public NodeSpec layer(String type, String name) {
        return new NodeSpec(type, name);
    }

    /** {@code base} if no node in this scope has that name yet, else {@code base_2}, {@code base_3} … */
    public String unique(String base) {
        if (!state.names.containsKey(join(namePrefix, base))) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "_" + i;
            if (!state.names.containsKey(join(namePrefix, candidate))) {
                return candidate;
            }
        }
    }

    /** Records a string of metadata (family, variant, ignorable weight prefixes …) on the graph. */
    public GraphBuilder metadata(String key, String value) {
        state.metadata.put(key, value);
        return this;
    }

    /** Finishes the graph with these outputs. The builder must not be used afterwards. */
    public Graph build(Value... outputs) {
        return build(Arrays.asList(outputs));
    }

    public Graph build(List<Value> outputs) {
        if (outputs.isEmpty()) {
            throw new ShapeException("a graph needs at least one output");
        }
        for (Value v : outputs) {
            state.check(v, "graph output");
        }
        return new Graph(state.inputs, new ArrayList<>(state.nodes.values()), outputs, state.metadata, state.layers);
    }

    /** Adds a node with absolute name and parameter prefix; used to copy nodes between graphs. */
    List<Value> addNode(String name, LayerType type, Attributes attributes, List<Value> inputs, String params) {
        state.claim(name);
        for (int i = 0; i < inputs.size(); i++) {
            state.check(inputs.get(i), "input " + i + " of node '" + name + "'");
        }
        List<Shape> inShapes = inputs.stream().map(Value::shape).toList();
        List<Shape> outShapes;
        List<ParamSpec> specs;
        long macs;
        try {
            outShapes = List.copyOf(type.inferShapes(inShapes, attributes));
            specs = type.parameters(inShapes, attributes);
            macs = type.macs(inShapes, outShapes, attributes);
        } catch (StrixException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ShapeException("node '" + name + "' (" + type.name() + "): " + e.getMessage()
                    + "; inputs " + inShapes + ", attributes " + attributes, e);
        }
        if (outShapes.isEmpty()) {
            throw new ShapeException("node '" + name + "' (" + type.name() + "): layer produced no outputs");
        }
        Node node = new Node(name, type, attributes, inputs, params, specs, outShapes, macs);
        state.nodes.put(name, node);
        state.values.put(name, outShapes.toArray(Shape[]::new));
        List<Value> outs = new ArrayList<>();
        for (int i = 0; i < outShapes.size(); i++) {
            outs.add(node.output(i));
        }
        return outs;
    }

    private static String join(String prefix, String child) {
        if (prefix.isEmpty()) {
            return child;
        }
        return child.isEmpty() ? prefix : prefix + "." + child;
    }

    /** A node being described: attributes first, then {@link #apply} with its inputs. */
    public final class NodeSpec {
        private final String type;
        private final String name;
        private final Attributes.Builder attributes = Attributes.builder();
        private String params;

        private NodeSpec(String type, String name) {
            this.type = type;
            this.name = name;
        }

        public NodeSpec attr(String key, int value) {
            attributes.put(key, value);
            return this;
        }

        public NodeSpec attr(String key, int... value) {
            attributes.put(key, value);
            return this;
        }

        public NodeSpec attr(String key, double value) {
            attributes.put(key, value);
            return this;
        }

        public NodeSpec attr(String key, double... value) {
            attributes.put(key, value);
            return this;
        }

        public NodeSpec attr(String key, boolean value) {
            attributes.put(key, value);
            return this;
        }

        public NodeSpec attr(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /** Adds all of {@code more}, replacing attributes of the same name. */
        public NodeSpec attrs(Attributes more) {
            for (String k : more.names()) {
                Object v = more.raw(k);
                if (v instanceof Integer i) {
                    attributes.put(k, (int) i);
                } else if (v instanceof int[] a) {
                    attributes.put(k, a);
                } else if (v instanceof Double d) {
                    attributes.put(k, (double) d);
                } else if (v instanceof double[] a) {
                    attributes.put(k, a);
                } else if (v instanceof Boolean bo) {
                    attributes.put(k, (boolean) bo);
                } else {
                    attributes.put(k, (String) v);
                }
            }
            return this;
        }

        /**
         * Parameter path of this node relative to the scope, when it differs from the node name (for example
         * torchvision's {@code features.0} for a node named {@code features.0.conv}). Empty means the scope's path.
         */
        public NodeSpec params(String relativePath) {
            this.params = relativePath;
            return this;
        }

        /** Adds the node and returns its single output. */
        public Value apply(Value... inputs) {
            List<Value> outs = applyAll(inputs);
            if (outs.size() != 1) {
                throw new ShapeException("node '" + join(namePrefix, name) + "' (" + type + ") has " + outs.size()
                        + " outputs; use applyAll");
            }
            return outs.get(0);
        }

        /** Adds the node and returns all its outputs. */
        public List<Value> applyAll(Value... inputs) {
            return applyAll(Arrays.asList(inputs));
        }

        public List<Value> applyAll(List<Value> inputs) {
            LayerType layerType = state.layers.layerType(type);
            String full = join(namePrefix, name);
            String paramPath = join(paramPrefix, params == null ? name : params);
            return addNode(full, layerType, attributes.build(), inputs, paramPath);
        }
    }

    private static final class State {
        final LayerTypes layers;
        final List<GraphInput> inputs = new ArrayList<>();
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, Shape[]> values = new LinkedHashMap<>();
        final Map<String, Boolean> names = new LinkedHashMap<>();
        final Map<String, String> metadata = new LinkedHashMap<>();

        State(LayerTypes layers) {
            this.layers = layers;
        }

        void claim(String name) {
            if (name == null || name.isEmpty()) {
                throw new ShapeException("a node or input needs a non-empty name");
            }
            if (names.putIfAbsent(name, Boolean.TRUE) != null) {
                throw new ShapeException("a node or input called '" + name + "' already exists in this graph");
            }
        }

        void check(Value v, String role) {
            Shape[] shapes = values.get(v.producer());
            if (shapes == null) {
                throw new ShapeException(role + " refers to '" + v.producer() + "', which is not in this graph");
            }
            if (v.output() < 0 || v.output() >= shapes.length || !shapes[v.output()].equals(v.shape())) {
                throw new ShapeException(role + " refers to " + v + " with shape " + v.shape()
                        + ", which does not match the graph");
            }
        }
    }
}
