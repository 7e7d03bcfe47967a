package dev.strix.models.senet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * timm's ResNet {@code Bottleneck} with squeeze-and-excitation ({@code attn_layer='se'}): 1×1 {@code conv1},
 * 3×3 {@code conv2} (grouped for ResNeXt, carrying the stride as in ResNet v1.5), 1×1 {@code conv3} to 4× the
 * planes, each with batch norm; then {@code se} recalibrates the channels before the residual addition and the
 * last ReLU. The shortcut is {@code downsample.0} (1×1 strided conv) and {@code downsample.1} (batch norm) when
 * the shape changes.
 *
 * <p>timm's {@code SEModule} squeezes 4·planes channels to 1/16 of them, rounded to a multiple of 8 (exact for
 * every stage here: 16, 32, 64, 128), through 1×1 convolutions {@code se.fc1} and {@code se.fc2} with biases.
 */
final class SeBottleneck {
    static final int EXPANSION = 4;
    private static final int SE_REDUCTION = 16;
    private static final int SE_DIVISOR = 8;

    private SeBottleneck() {}

    /** Adds the block in {@code net}'s scope ({@code layer2.0}) and returns its output. */
    static Value apply(Net net, Value input, int planes, int stride, SeResNetConfig config) {
        int in = input.shape().dim(1);
        int width = planes * config.baseWidth() / 64 * config.groups();
        int out = planes * EXPANSION;
        Value x = net.conv("conv1", width, 1).noBias().apply(input);
        x = net.relu("act1", net.batchNorm("bn1", x));
        x = net.conv("conv2", width, 3).stride(stride).padding(1).groups(config.groups()).noBias().apply(x);
        x = net.relu("act2", net.batchNorm("bn2", x));
        x = net.conv("conv3", out, 1).noBias().apply(x);
        x = net.batchNorm("bn3", x);
        x = net.layer("squeeze_excitation", "se").attr("reduced_channels", reducedChannels(out)).apply(x);

        Value shortcut = input;
        if (stride != 1 || in != out) {
            Net down = net.scope("downsample");
            shortcut = down.conv("0", out, 1).stride(stride).noBias().apply(input);
            shortcut = down.batchNorm("1", shortcut);
        }
        return net.relu("act3", net.add("add", x, shortcut));
    }

    /** timm's {@code make_divisible(channels / 16, 8)} with round_limit 0. */
    static int reducedChannels(int channels) {
        int v = channels / SE_REDUCTION;
        return Math.max(SE_DIVISOR, (v + SE_DIVISOR / 2) / SE_DIVISOR * SE_DIVISOR);
    }
}
