package dev.strix.models.vit;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * torchvision's {@code EncoderBlock}: pre-norm self-attention and a pre-norm GELU MLP, each added back to its input.
 * Children are {@code ln_1}, {@code self_attention} ({@code nn.MultiheadAttention}: {@code in_proj_weight},
 * {@code in_proj_bias}, {@code out_proj.*}), {@code ln_2} and {@code mlp.0} / {@code mlp.3} (torchvision's
 * {@code MLP}: linear, GELU, dropout, linear, dropout).
 */
final class EncoderBlock {
    /** torchvision builds its ViT layer norms with eps 1e-6. */
    static final double LN_EPS = 1e-6;

    private EncoderBlock() {}

    /** Adds the block in {@code net}'s scope (e.g. {@code encoder.layers.encoder_layer_3}) and returns its output. */
    static Value apply(Net net, Value input, VitConfig config) {
        int dim = config.hiddenDim();
        Value x = net.layerNorm("ln_1", input, LN_EPS, dim);
        x = net.layer("multi_head_attention", "self_attention").attr("num_heads", config.heads())
                .attr("layout", "torch").apply(x);
        x = net.dropout("dropout", x, 0.0);
        x = net.add("add_1", x, input);

        Value y = net.layerNorm("ln_2", x, LN_EPS, dim);
        Net mlp = net.scope("mlp");
        y = mlp.linear("0", y, config.mlpDim());
        y = mlp.activation("gelu", "1", y);
        y = mlp.dropout("2", y, 0.0);
        y = mlp.linear("3", y, dim);
        y = mlp.dropout("4", y, 0.0);
        return net.add("add_2", x, y);
    }
}
