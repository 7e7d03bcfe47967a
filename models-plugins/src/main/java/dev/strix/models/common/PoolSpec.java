package dev.strix.models.common;

import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;

/**
 * A {@code max_pool2d} or {@code avg_pool2d} node being described (LAYERS.md). Stride defaults to the kernel size,
 * as in PyTorch.
 *
 * <pre>{@code
 * x = net.maxPool("maxpool", 3).stride(2).padding(1).apply(x);
 * }</pre>
 */
public final class PoolSpec {
    private final GraphBuilder.NodeSpec node;

    PoolSpec(GraphBuilder.NodeSpec node, int kernel) {
        this.node = node.attr("kernel_size", kernel);
    }

    public PoolSpec stride(int s) {
        node.attr("stride", s);
        return this;
    }

    public PoolSpec padding(int p) {
        node.attr("padding", p);
        return this;
    }

    /** Rounds the output size up, as PyTorch's {@code ceil_mode=True}. */
    public PoolSpec ceilMode() {
        node.attr("ceil_mode", true);
        return this;
    }

    /** Average pooling only: divides by the unpadded window size ({@code count_include_pad=False}). */
    public PoolSpec excludePadding() {
        node.attr("count_include_pad", false);
        return this;
    }

    public Value apply(Value x) {
        return node.apply(x);
    }
}
