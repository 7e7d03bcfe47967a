package dev.strix.models.common;

import dev.strix.api.graph.Value;

/**
 * torchvision's {@code Conv2dNormActivation}: an {@code nn.Sequential} of a bias-free conv ({@code 0}) with
 * "same"-style padding (k−1)/2, batch norm ({@code 1}) and an activation ({@code 2}), so parameters are
 * {@code <name>.0.weight} and {@code <name>.1.*}.
 */
public final class ConvNormActivation {
    private ConvNormActivation() {}

    /**
     * @param activation a one-input layer type such as {@code relu6}, or null for none
     */
    public static Value apply(Net net, String name, Value x, int out, int kernel, int stride, int groups,
            String activation) {
        Net s = net.scope(name);
        Value y = s.conv("0", out, kernel).stride(stride).padding((kernel - 1) / 2).groups(groups).noBias().apply(x);
        y = s.batchNorm("1", y);
        return activation == null ? y : s.activation(activation, "2", y);
    }
}
