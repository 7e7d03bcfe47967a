package dev.strix.detection.fcn;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.Weights;
import dev.strix.detection.DetectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a classifier into a fully convolutional network. The graph must be a backbone ending in one
 * {@code flatten} of a [N, C, h, w] map, followed by a chain of {@code linear} layers and element-wise layers
 * (activations, dropout). The first linear, over C·h·w inputs, becomes an h×w convolution whose kernel is its
 * weight reshaped to [out, C, h, w] (flatten's row-major order is exactly C, h, w); each later linear becomes a
 * 1×1 convolution with weight [out, in, 1, 1]; softmax over the class axis moves to axis 1. Parameter names stay
 * the same. The backbone is rebuilt unchanged for the new input size, except adaptive pools that were the
 * identity at the classifier's size, which are dropped (at a larger size they would squeeze the map back).
 *
 * <p>The geometry is derived from the backbone's layers: the strides multiply, and the receptive field grows by
 * (effective kernel − 1) × stride so far and shifts left by padding × stride so far.
 */
public final class FcnConverter {
    private static final Set<String> ELEMENTWISE = Set.of("relu", "relu6", "leaky_relu", "elu", "gelu", "sigmoid",
            "hard_sigmoid", "tanh", "silu", "hard_swish", "dropout", "identity", "stochastic_depth");
    private static final Set<String> CLASS_AXIS = Set.of("softmax", "log_softmax");

    private FcnConverter() {}

    /** {@code classifier} with {@code weights} as an FCN taking one [1, C, height, width] image. */
    public static FcnModel convert(Graph classifier, Weights weights, int height, int width) {
        if (classifier.inputs().size() != 1 || classifier.outputs().size() != 1) {
            throw new DetectionException("FCN conversion needs a classifier with one input and one output");
        }
        List<Node> nodes = classifier.nodes();
        int f = flattenIndex(nodes);
        Node flatten = nodes.get(f);
        Shape map = flatten.inputShapes().get(0);
        checkFlatten(flatten, map);
        List<Node> head = headChain(classifier, nodes, f);
        GraphInput in = classifier.inputs().get(0);
        Shape base = in.shape();
        if (base.rank() != 4) {
            throw new DetectionException("FCN conversion needs an image input [N, C, H, W], got " + base);
        }
        if (height < base.dim(2) || width < base.dim(3)) {
            throw new DetectionException("an FCN input of " + width + "×" + height + " is smaller than the "
                    + "classifier's " + base.dim(3) + "×" + base.dim(2) + ": not one window fits");
        }
        GraphBuilder b = new GraphBuilder(classifier.layers());
        classifier.metadata().forEach(b::metadata);
        Map<String, List<Value>> mapped = new HashMap<>();
        mapped.put(in.name(), List.of(b.input(in.name(), Shape.of(1, base.dim(1), height, width))));
        Map<String, int[]> geometry = new HashMap<>();
        geometry.put(in.name(), new int[] {1, 1, 0, 0, 1, 1}); // stride y, x; field top, left; field h, w
        for (Node n : nodes.subList(0, f)) {
            List<Value> ins = n.inputs().stream().map(v -> mapped.get(v.producer()).get(v.output())).toList();
            int[] g = Receptive.through(n, geometry);
            geometry.put(n.name(), g);
            if (isIdentityAdaptivePool(n)) {
                mapped.put(n.name(), ins);
                continue;
            }
            mapped.put(n.name(), copy(b, n, ins));
        }
        Value x = mapped.get(flatten.inputs().get(0).producer()).get(flatten.inputs().get(0).output());
        if (x.shape().dim(2) < map.dim(2) || x.shape().dim(3) < map.dim(3)) {
            throw new DetectionException("an FCN input of " + width + "×" + height + " is smaller than the "
                    + "classifier's " + base.dim(3) + "×" + base.dim(2) + ": its backbone gives " + x.shape().dim(3)
                    + "×" + x.shape().dim(2) + " maps where the head needs at least " + map.dim(3) + "×" + map.dim(2));
        }
        Map<String, Tensor> floats = new LinkedHashMap<>(weights.floats());
        boolean first = true;
        for (Node n : head) {
            String type = n.type().name();
            if (type.equals("linear")) {
                x = linearAsConv(b, n, x, first ? map : null, floats, weights);
                first = false;
            } else if (CLASS_AXIS.contains(type)) {
                x = b.layer(type, n.name()).attrs(n.attributes().toBuilder().put("axis", 1).build())
                        .params(n.paramPrefix()).apply(x);
            } else {
                x = copy(b, n, List.of(x)).get(0);
            }
        }
        if (first) {
            throw new DetectionException("FCN conversion found no linear layer after '" + flatten.name() + "'");
        }
        int[] g = geometry.get(flatten.inputs().get(0).producer());
        FcnGeometry geo = new FcnGeometry(g[1], g[0], base.dim(3), base.dim(2), g[3], g[2],
                g[5] + (map.dim(3) - 1) * g[1], g[4] + (map.dim(2) - 1) * g[0]);
        Weights converted = Weights.of(floats, weights.integers(), weights.metadata(),
                weights.source() + " (as FCN)");
        return new FcnModel(b.build(x), converted, geo);
    }

    private static int flattenIndex(List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).type().name().equals("flatten")) {
                return i;
            }
        }
        throw new DetectionException("FCN conversion needs a classifier ending in flatten + linear; this graph has "
                + "no flatten node");
    }

    private static void checkFlatten(Node flatten, Shape map) {
        Attributes a = flatten.attributes();
        int start = a.getInt("start_dim", 1);
        int end = a.getInt("end_dim", -1);
        if (map.rank() != 4 || start != 1 || (end != -1 && end != 3)) {
            throw new DetectionException("flatten node '" + flatten.name() + "' must flatten a [N, C, h, w] map from "
                    + "dimension 1 to the end; it flattens " + map + " from " + start + " to " + end);
        }
    }

    /** The nodes after flatten, checked to form one chain ending in the graph's output. */
    private static List<Node> headChain(Graph g, List<Node> nodes, int f) {
        List<Node> head = new ArrayList<>(nodes.subList(f + 1, nodes.size()));
        String previous = nodes.get(f).name();
        for (Node n : head) {
            String type = n.type().name();
            if (!type.equals("linear") && !ELEMENTWISE.contains(type) && !CLASS_AXIS.contains(type)) {
                throw new DetectionException("FCN conversion cannot convert node '" + n.name() + "' (" + type
                        + ") after the flatten: only linear, element-wise and softmax layers may follow it");
            }
            if (n.inputs().size() != 1 || !n.inputs().get(0).producer().equals(previous)) {
                throw new DetectionException("FCN conversion needs the layers after the flatten to form one chain; "
                        + "node '" + n.name() + "' reads " + n.inputs() + " instead of '" + previous + "'");
            }
            previous = n.name();
        }
        if (!g.outputs().get(0).producer().equals(previous)) {
            throw new DetectionException("FCN conversion needs the graph's output to be the end of the head chain ('"
                    + previous + "'), but it is '" + g.outputs().get(0).producer() + "'");
        }
        return head;
    }

    private static boolean isIdentityAdaptivePool(Node n) {
        if (!n.type().name().startsWith("adaptive_")) {
            return false;
        }
        Shape in = n.inputShapes().get(0);
        Shape out = n.outputShapes().get(0);
        return in.equals(out);
    }

    private static List<Value> copy(GraphBuilder b, Node n, List<Value> inputs) {
        return b.layer(n.type().name(), n.name()).attrs(n.attributes()).params(n.paramPrefix()).applyAll(inputs);
    }

    /** A linear as a convolution: h×w over the flattened map when {@code map} is given, else 1×1. */
    private static Value linearAsConv(GraphBuilder b, Node n, Value x, Shape map, Map<String, Tensor> floats,
            Weights weights) {
        int out = n.attributes().getInt("out_features");
        boolean bias = n.attributes().getBoolean("bias", true);
        int kh = map == null ? 1 : map.dim(2);
        int kw = map == null ? 1 : map.dim(3);
        int channels = x.shape().dim(1);
        String key = n.paramName("weight");
        Tensor w = weights.get(key);
        if (w == null) {
            throw new DetectionException(weights.source() + " has no tensor '" + key + "' for linear node '"
                    + n.name() + "'");
        }
        Shape kernel = Shape.of(out, channels, kh, kw);
        if (w.shape().size() != kernel.size()) {
            throw new DetectionException("linear node '" + n.name() + "' has weight " + w.shape()
                    + ", which cannot become a convolution kernel " + kernel);
        }
        floats.put(key, w.reshape(kernel));
        return b.layer("conv2d", n.name()).attr("out_channels", out).attr("kernel_size", kh, kw).attr("bias", bias)
                .params(n.paramPrefix()).apply(x);
    }
}
