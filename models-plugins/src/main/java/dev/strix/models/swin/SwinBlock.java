package dev.strix.models.swin;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * torchvision's {@code SwinTransformerBlock} on channels-last [N, H, W, C] maps: {@code norm1}, shifted window
 * attention {@code attn} ({@code qkv}, {@code proj}, {@code relative_position_bias_table},
 * {@code relative_position_index}), {@code norm2} and the GELU MLP {@code mlp.0} / {@code mlp.3}, each branch added
 * back to its input.
 */
final class SwinBlock {
    /** torchvision's Swin uses {@code nn.LayerNorm}'s default eps. */
    static final double LN_EPS = 1e-5;

    private SwinBlock() {}

    /**
     * Adds the block in {@code net}'s scope ({@code features.3.1}) and returns its output.
     *
     * @param shift 0 for a plain window block, half the window for a shifted one
     * @param dropPath this block's stochastic depth probability
     */
    static Value apply(Net net, Value input, int heads, int window, int shift, double dropPath) {
        int dim = input.shape().dim(3);
        Value x = net.layerNorm("norm1", input, LN_EPS, dim);
        x = net.layer("window_attention", "attn").attr("num_heads", heads).attr("window_size", window)
                .attr("shift_size", shift).apply(x);
        x = stochasticDepth(net, "stochastic_depth_1", x, dropPath);
        x = net.add("add_1", input, x);

        Value y = net.layerNorm("norm2", x, LN_EPS, dim);
        Net mlp = net.scope("mlp");
        y = mlp.linear("0", y, 4 * dim);
        y = mlp.activation("gelu", "1", y);
        y = mlp.dropout("2", y, 0.0);
        y = mlp.linear("3", y, dim);
        y = mlp.dropout("4", y, 0.0);
        y = stochasticDepth(net, "stochastic_depth_2", y, dropPath);
        return net.add("add_2", x, y);
    }

    static Value stochasticDepth(Net net, String name, Value x, double p) {
        return net.layer("stochastic_depth", name).attr("p", p).attr("mode", "row").apply(x);
    }
}
