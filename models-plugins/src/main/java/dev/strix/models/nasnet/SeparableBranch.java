package dev.strix.models.nasnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * Cadene's {@code BranchSeparables} family: ReLU, separable convolution {@code separable_1} (a k×k depthwise
 * {@code depthwise_conv2d} carrying the stride, then a 1×1 {@code pointwise_conv2d}), {@code bn_sep_1}, ReLU, a
 * second separable convolution {@code separable_2} with stride 1 and {@code bn_sep_2}. No convolution has a bias.
 *
 * @param out output channels
 * @param kernel depthwise kernel size (3, 5 or 7), padded by kernel/2
 * @param stride stride of the first depthwise convolution
 * @param widenFirst whether {@code separable_1} already widens to {@code out} ({@code BranchSeparablesStem});
 *     otherwise it keeps the input's channels and {@code separable_2} widens
 * @param shifted TensorFlow's "same" padding for a strided convolution, as Cadene reproduces it in
 *     {@code BranchSeparablesReduction} and the {@code name='specific'} branches: one extra zero row and column
 *     at the top left before {@code separable_1}, and its first output row and column dropped afterwards
 */
record SeparableBranch(int out, int kernel, int stride, boolean widenFirst, boolean shifted) {
    static final double BN_EPS = 1e-3;

    /** Adds the branch in {@code net}'s scope ({@code cell_3.comb_iter_0_left}) and returns its output. */
    Value apply(Net net, Value input) {
        int in = input.shape().dim(1);
        int mid = widenFirst ? out : in;
        Value x = net.relu("relu", input);
        if (shifted) {
            x = Shifts.padTopLeft(net, "pad", x);
        }
        x = separable(net.scope("separable_1"), x, mid, stride);
        if (shifted) {
            x = Shifts.cropTopLeft(net, "crop", x);
        }
        x = net.batchNorm("bn_sep_1", x, BN_EPS);
        x = net.relu("relu1", x);
        x = separable(net.scope("separable_2"), x, out, 1);
        return net.batchNorm("bn_sep_2", x, BN_EPS);
    }

    private Value separable(Net net, Value x, int outChannels, int s) {
        int in = x.shape().dim(1);
        x = net.conv("depthwise_conv2d", in, kernel).stride(s).padding(kernel / 2).groups(in).noBias().apply(x);
        return net.conv("pointwise_conv2d", outChannels, 1).noBias().apply(x);
    }
}
