package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.SoftmaxKernel;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.aparapi.kernels.UnaryKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import java.util.List;
import java.util.Map;

/** The activation layers: element-wise ones on {@link UnaryKernel}, softmax and log-softmax on {@link SoftmaxKernel}. */
public final class ActivationKernels {
    /** Activation layer type → the op code {@link StrixKernel#activate} understands. */
    private static final Map<String, Integer> OPS = Map.ofEntries(
            Map.entry("relu", StrixKernel.RELU),
            Map.entry("relu6", StrixKernel.RELU6),
            Map.entry("leaky_relu", StrixKernel.LEAKY_RELU),
            Map.entry("elu", StrixKernel.ELU),
            Map.entry("gelu", StrixKernel.GELU),
            Map.entry("sigmoid", StrixKernel.SIGMOID),
            Map.entry("hard_sigmoid", StrixKernel.HARD_SIGMOID),
            Map.entry("tanh", StrixKernel.TANH),
            Map.entry("silu", StrixKernel.SILU),
            Map.entry("hard_swish", StrixKernel.HARD_SWISH));

    private ActivationKernels() {}

    static List<AparapiKernel> all() {
        List<AparapiKernel> kernels = new java.util.ArrayList<>();
        for (String type : OPS.keySet()) {
            kernels.add(Builtin.of(type, ActivationKernels::elementwise));
        }
        kernels.add(Builtin.of("softmax", node -> softmax(node, false)));
        kernels.add(Builtin.of("log_softmax", node -> softmax(node, true)));
        return kernels;
    }

    /** Whether {@code layerType} is an element-wise activation a producing kernel can apply before writing. */
    public static boolean isFusable(String layerType) {
        return OPS.containsKey(layerType);
    }

    /** The op code of an element-wise activation node (GELU's tanh form has its own). */
    public static int op(String layerType, Attributes a) {
        int op = OPS.get(layerType);
        if (op == StrixKernel.GELU && a.getString("approximate", "none").equals("tanh")) {
            return StrixKernel.GELU_TANH;
        }
        return op;
    }

    /** Leaky ReLU's slope or ELU's alpha; 0 for the others. */
    public static float alpha(String layerType, Attributes a) {
        return switch (layerType) {
            case "leaky_relu" -> (float) a.getDouble("negative_slope", 0.01);
            case "elu" -> (float) a.getDouble("alpha", 1.0);
            default -> 0f;
        };
    }

    private static void elementwise(NodeContext node) {
        UnaryKernel k = new UnaryKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.n = k.y.length;
        String type = node.node().type().name();
        k.op = op(type, node.attributes());
        k.alpha = alpha(type, node.attributes());
        node.launch(k, k.n).reads(k.x).writes(k.y);
    }

    private static void softmax(NodeContext node, boolean log) {
        Shape s = node.inputShape(0);
        int axis = s.normalizeAxis(node.attributes().getInt("axis", -1));
        SoftmaxKernel k = new SoftmaxKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.length = s.dim(axis);
        k.inner = (int) s.sizeOf(axis + 1, s.rank());
        k.n = k.x.length / k.length;
        k.logarithm = log ? 1 : 0;
        node.launch(k, k.n).reads(k.x).writes(k.y);
    }
}
