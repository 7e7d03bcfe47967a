package dev.strix.models.common;

import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;

/**
 * A {@code conv2d} node being described (LAYERS.md): output channels and kernel are given up front, the rest
 * defaults as in PyTorch's {@code nn.Conv2d} (stride 1, no padding, groups 1, with bias) until set.
 *
 * <pre>{@code
 * x = net.conv("conv1", 64, 7).stride(2).padding(3).noBias().apply(x);
 * }</pre>
 */
public final class ConvSpec {
    private final GraphBuilder.NodeSpec node;

    ConvSpec(GraphBuilder.NodeSpec node, int outChannels, int kh, int kw) {
        this.node = node.attr("out_channels", outChannels).attr("kernel_size", kh, kw);
    }

    public ConvSpec stride(int s) {
        node.attr("stride", s);
        return this;
    }

    public ConvSpec stride(int sh, int sw) {
        node.attr("stride", sh, sw);
        return this;
    }

    /** The same zero padding on every side. */
    public ConvSpec padding(int p) {
        node.attr("padding", p);
        return this;
    }

    /** Zero padding {@code ph} above and below, {@code pw} left and right. */
    public ConvSpec padding(int ph, int pw) {
        node.attr("padding", ph, pw);
        return this;
    }

    /** Asymmetric padding in ONNX's order: top, left, bottom, right. */
    public ConvSpec padding(int top, int left, int bottom, int right) {
        node.attr("padding", top, left, bottom, right);
        return this;
    }

    /** PyTorch's {@code padding="same"} (stride 1 only; the odd extra pixel goes bottom/right). */
    public ConvSpec samePadding() {
        node.attr("padding_mode", "same");
        return this;
    }

    public ConvSpec dilation(int d) {
        node.attr("dilation", d);
        return this;
    }

    public ConvSpec groups(int g) {
        node.attr("groups", g);
        return this;
    }

    /** Leaves out the bias, as convolutions followed by batch norm do ({@code bias=False}). */
    public ConvSpec noBias() {
        node.attr("bias", false);
        return this;
    }

    public ConvSpec bias(boolean bias) {
        node.attr("bias", bias);
        return this;
    }

    /** Parameter path relative to the scope when it differs from the node name. */
    public ConvSpec params(String relativePath) {
        node.params(relativePath);
        return this;
    }

    /** Adds the node reading {@code x} and returns its output. */
    public Value apply(Value x) {
        return node.apply(x);
    }
}
