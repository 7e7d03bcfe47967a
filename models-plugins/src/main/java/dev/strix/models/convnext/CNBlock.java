package dev.strix.models.convnext;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;

/**
 * torchvision's {@code CNBlock}: {@code block} is a sequence of a 7×7 depthwise convolution ({@code block.0}), a
 * permute to channels-last, a layer norm ({@code block.2}), a 4× expanding linear ({@code block.3}), GELU, a
 * projecting linear ({@code block.5}) and a permute back; its output is multiplied by {@code layer_scale} [C,1,1]
 * and added to the input (after stochastic depth, an identity at inference).
 */
final class CNBlock {
    /** torchvision's ConvNeXt layer norms use eps 1e-6. */
    static final double LN_EPS = 1e-6;

    private CNBlock() {}

    /** Adds the block in {@code net}'s scope ({@code features.5.3}) and returns its output. */
    static Value apply(Net net, Value input, double dropPath) {
        int dim = input.shape().dim(1);
        Sequence block = net.sequence("block");
        Net b = block.net();
        Value x = b.conv(block.next(), dim, 7).padding(3).groups(dim).apply(input);
        x = b.layer("permute", block.next()).attr("dims", 0, 2, 3, 1).apply(x);
        x = b.layerNorm(block.next(), x, LN_EPS, dim);
        x = b.linear(block.next(), x, 4 * dim);
        x = b.activation("gelu", block.next(), x);
        x = b.linear(block.next(), x, dim);
        x = b.layer("permute", block.next()).attr("dims", 0, 3, 1, 2).apply(x);
        // The scale is a parameter of the block itself: key "<block>.layer_scale", shape [C, 1, 1].
        x = net.layer("layer_scale", "layer_scale").attr("axis", 1).attr("param_name", "layer_scale").params("")
                .apply(x);
        x = net.layer("stochastic_depth", "stochastic_depth").attr("p", dropPath).attr("mode", "row").apply(x);
        return net.add("add", x, input);
    }
}
