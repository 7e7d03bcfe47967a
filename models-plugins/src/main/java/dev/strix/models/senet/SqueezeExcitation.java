package dev.strix.models.senet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * timm's {@code SEModule} as SE-ResNet places it, after a bottleneck's {@code bn3}: global average pooling, 1×1
 * convolution {@code se.fc1} down to 1/16 of the channels (timm rounds to a multiple of 8: 16, 32, 64, 128 here),
 * ReLU, 1×1 convolution {@code se.fc2} back, sigmoid, and the channels scaled by the result. Both convolutions
 * have biases.
 */
final class SqueezeExcitation {
    private static final int REDUCTION = 16;
    private static final int DIVISOR = 8;

    private SqueezeExcitation() {}

    /** Adds {@code se} in the block's scope and returns the recalibrated branch. */
    static Value apply(Net block, Value x) {
        return block.layer("squeeze_excitation", "se").attr("reduced_channels", reducedChannels(x.shape().dim(1)))
                .apply(x);
    }

    /** timm's {@code make_divisible(channels / 16, 8)}. */
    static int reducedChannels(int channels) {
        int v = channels / REDUCTION;
        return Math.max(DIVISOR, (v + DIVISOR / 2) / DIVISOR * DIVISOR);
    }
}
