package dev.strix.models.common;

import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import java.util.List;
import java.util.Objects;

/**
 * Typed shortcuts over a {@link GraphBuilder} scope: each method adds one node of a LAYERS.md layer type with its
 * attribute names spelled once, here. Names are relative to the scope, so inside {@code net.scope("layer1.0")} a
 * node called {@code conv1} gets parameters {@code layer1.0.conv1.weight} — torchvision's state_dict key.
 *
 * <p>Give a node the name of the torchvision module it stands for; parameterless nodes (activations, pools, adds)
 * that torchvision reuses or leaves unnamed get a descriptive, unique name instead.
 */
public final class Net {
    private final GraphBuilder builder;

    public Net(GraphBuilder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The underlying builder of this scope, for layer types that have no shortcut here. */
    public GraphBuilder builder() {
        return builder;
    }

    /** A view whose names and parameter paths start with {@code child}. */
    public Net scope(String child) {
        return new Net(builder.scope(child));
    }

    /** A {@link Sequence} numbering children {@code 0, 1, 2 …} under {@code child}, as {@code nn.Sequential} does. */
    public Sequence sequence(String child) {
        return new Sequence(scope(child));
    }

    /** Records graph metadata (see {@link dev.strix.api.graph.Graph#IGNORED_WEIGHT_PREFIXES}). */
    public Net metadata(String key, String value) {
        builder.metadata(key, value);
        return this;
    }

    /** Any layer type by name, for those without a shortcut. */
    public GraphBuilder.NodeSpec layer(String type, String name) {
        return builder.layer(type, name);
    }

    /** A square {@code conv2d}, {@code kernel}×{@code kernel}. */
    public ConvSpec conv(String name, int outChannels, int kernel) {
        return new ConvSpec(builder.layer("conv2d", name), outChannels, kernel, kernel);
    }

    /** A {@code conv2d} with a {@code kh}×{@code kw} kernel (Inception's 1×7 and 7×1). */
    public ConvSpec conv(String name, int outChannels, int kh, int kw) {
        return new ConvSpec(builder.layer("conv2d", name), outChannels, kh, kw);
    }

    /** {@code batch_norm} with PyTorch's default eps 1e-5. */
    public Value batchNorm(String name, Value x) {
        return builder.layer("batch_norm", name).apply(x);
    }

    public Value batchNorm(String name, Value x, double eps) {
        return builder.layer("batch_norm", name).attr("eps", eps).apply(x);
    }

    /** {@code layer_norm} over the trailing dims {@code normalizedShape}. */
    public Value layerNorm(String name, Value x, double eps, int... normalizedShape) {
        return builder.layer("layer_norm", name).attr("normalized_shape", normalizedShape).attr("eps", eps).apply(x);
    }

    /** {@code local_response_norm} as PyTorch's {@code nn.LocalResponseNorm(size, alpha, beta, k)}. */
    public Value localResponseNorm(String name, Value x, int size, double alpha, double beta, double k) {
        return builder.layer("local_response_norm", name).attr("size", size).attr("alpha", alpha)
                .attr("beta", beta).attr("k", k).apply(x);
    }

    /** A one-input, attribute-free layer such as {@code relu}, {@code tanh} or {@code sigmoid}. */
    public Value activation(String type, String name, Value x) {
        return builder.layer(type, name).apply(x);
    }

    public Value relu(String name, Value x) {
        return activation("relu", name, x);
    }

    public Value relu6(String name, Value x) {
        return activation("relu6", name, x);
    }

    public Value tanh(String name, Value x) {
        return activation("tanh", name, x);
    }

    public PoolSpec maxPool(String name, int kernel) {
        return new PoolSpec(builder.layer("max_pool2d", name), kernel);
    }

    public PoolSpec avgPool(String name, int kernel) {
        return new PoolSpec(builder.layer("avg_pool2d", name), kernel);
    }

    /** {@code adaptive_avg_pool2d} to {@code h}×{@code w}. */
    public Value adaptiveAvgPool(String name, Value x, int h, int w) {
        return builder.layer("adaptive_avg_pool2d", name).attr("output_size", h, w).apply(x);
    }

    /** {@code global_avg_pool}: [N,C,H,W] to [N,C,1,1]. */
    public Value globalAvgPool(String name, Value x) {
        return builder.layer("global_avg_pool", name).apply(x);
    }

    /** {@code torch.flatten(x, 1)}. */
    public Value flatten(String name, Value x) {
        return builder.layer("flatten", name).attr("start_dim", 1).apply(x);
    }

    /** {@code linear} with bias. */
    public Value linear(String name, Value x, int outFeatures) {
        return builder.layer("linear", name).attr("out_features", outFeatures).apply(x);
    }

    public Value linear(String name, Value x, int outFeatures, boolean bias) {
        return builder.layer("linear", name).attr("out_features", outFeatures).attr("bias", bias).apply(x);
    }

    /** {@code dropout}: the identity at inference, kept so the graph reads like the reference model. */
    public Value dropout(String name, Value x, double p) {
        return builder.layer("dropout", name).attr("p", p).apply(x);
    }

    /** Element-wise {@code a + b} (NumPy broadcasting). */
    public Value add(String name, Value a, Value b) {
        return builder.layer("add", name).apply(a, b);
    }

    /** Element-wise {@code a · b} (NumPy broadcasting). */
    public Value mul(String name, Value a, Value b) {
        return builder.layer("mul", name).apply(a, b);
    }

    /** {@code torch.cat(xs, 1)}: channels of NCHW tensors. */
    public Value concat(String name, List<Value> xs) {
        return builder.layer("concat", name).attr("axis", 1).applyAll(xs).get(0);
    }

    public Value concat(String name, Value... xs) {
        return concat(name, List.of(xs));
    }
}
