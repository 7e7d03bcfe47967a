package dev.strix.models.xception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * timm's {@code SeparableConv2d} in Xception: a 3×3 depthwise convolution {@code conv1} followed by a 1×1
 * pointwise convolution {@code pointwise}, neither with a bias.
 */
final class SeparableConv {
    private SeparableConv() {}

    /** Adds the pair in {@code net}'s scope ({@code block4.rep.1}) and returns its output. */
    static Value apply(Net net, Value x, int outChannels) {
        int in = x.shape().dim(1);
        x = net.conv("conv1", in, 3).padding(1).groups(in).noBias().apply(x);
        return net.conv("pointwise", outChannels, 1).noBias().apply(x);
    }
}
