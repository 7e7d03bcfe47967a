package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.BinaryKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.graph.Node;
import dev.strix.layers.Window2d;
import java.util.Set;

/**
 * Lets a built-in kernel absorb the nodes that follow it: conv2d takes a following batch_norm (folded into its
 * weights and bias) and an activation; linear, add, mul and batch_norm take a following activation; linear, 1×1
 * convolutions and multi-head attention also take a residual add before it (ResNet's and MobileNetV2's shortcuts, a
 * transformer's). Views that keep the shape (dropout, identity) between them are skipped. The session
 * decides which chains to fuse (each absorbed node must be the only reader of its input and no graph output) and
 * hands the chain here. Models lose a pass over memory per absorbed node; ResNet-50 goes from 174 launches to 73.
 */
public final class Fusion {
    private static final Set<String> TAKE_ACTIVATION = Set.of("conv2d", "linear", "add", "mul", "batch_norm");

    private Fusion() {}

    /** Whether {@code kernel} is the built-in one, whose fused forms this class knows. */
    public static boolean isBuiltin(AparapiKernel kernel) {
        return kernel instanceof Builtin;
    }

    /** Whether a {@code head} node can absorb a following {@code follower} node of the given types. */
    public static boolean absorbs(String head, boolean hasNorm, String follower) {
        if (head.equals("conv2d") && !hasNorm && follower.equals("batch_norm")) {
            return true;
        }
        return TAKE_ACTIVATION.contains(head) && ActivationKernels.isFusable(follower);
    }

    /**
     * Whether a {@code head} node's kernel can add a residual to what it writes (an {@code add} of its result and a
     * value of the same shape computed before it) and then apply an activation: a linear layer, multi-head
     * attention (its output projection) or a 1×1 convolution without padding or groups — matrix products, whose
     * stores take the residual.
     */
    public static boolean absorbsResidual(Node head) {
        return switch (head.type().name()) {
            case "linear", "multi_head_attention" -> true;
            case "conv2d" -> {
                Window2d w = Convs.window(head.attributes());
                int groups = head.attributes().getInt("groups", 1);
                yield Convs.isPointwise(w, groups) || Convs.isStridedPointwise(w, groups);
            }
            default -> false;
        };
    }

    /** Whether {@link #plan} knows {@code layerType} as the head of a chain. */
    public static boolean plansHead(String layerType) {
        return layerType.equals("conv2d") || layerType.equals("multi_head_attention")
                || TAKE_ACTIVATION.contains(layerType);
    }

    /**
     * Plans {@code head} (whose output array is the chain's last output) with the absorbed batch norm
     * ({@code norm}, may be null), residual (an array of the output's shape, may be null) and activation
     * ({@code activation}, may be null).
     */
    public static void plan(NodeContext head, NodeContext norm, float[] residual, Node activation) {
        float[][] folded = norm == null ? new float[][] {null, null} : NormKernels.foldBatchNorm(norm);
        int act = activation == null ? Epilogue.NONE.act()
                : ActivationKernels.op(activation.type().name(), activation.attributes());
        float alpha = activation == null ? 0f
                : ActivationKernels.alpha(activation.type().name(), activation.attributes());
        Epilogue e = new Epilogue(folded[0], folded[1], residual, act, alpha);
        switch (head.node().type().name()) {
            case "conv2d" -> ConvKernels.conv2d(head, e);
            case "linear" -> ArithmeticKernels.linear(head, e);
            case "add" -> ArithmeticKernels.binary(head, BinaryKernel.ADD, e);
            case "mul" -> ArithmeticKernels.binary(head, BinaryKernel.MUL, e);
            case "batch_norm" -> NormKernels.batchNorm(head, e);
            case "multi_head_attention" -> AttentionKernels.multiHeadAttention(head, e);
            default -> throw new IllegalArgumentException("layer type '" + head.node().type().name()
                    + "' absorbs nothing");
        }
    }
}
