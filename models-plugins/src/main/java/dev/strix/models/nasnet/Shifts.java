package dev.strix.models.nasnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * The one-pixel shifts Cadene's NASNet port uses to reproduce TensorFlow's asymmetric "same" padding with PyTorch's
 * symmetric one: {@code nn.ZeroPad2d} on one side, then a {@code x[:, :, 1:, 1:]} crop.
 */
final class Shifts {
    private Shifts() {}

    /** {@code nn.ZeroPad2d((1, 0, 1, 0))}: a zero row on top and a zero column on the left. */
    static Value padTopLeft(Net net, String name, Value x) {
        return net.layer("pad", name).attr("pads", 1, 1, 0, 0).apply(x);
    }

    /** {@code nn.ZeroPad2d((0, 1, 0, 1))}: a zero row at the bottom and a zero column on the right. */
    static Value padBottomRight(Net net, String name, Value x) {
        return net.layer("pad", name).attr("pads", 0, 0, 1, 1).apply(x);
    }

    /** {@code x[:, :, 1:, 1:]}: drops the first row and column. */
    static Value cropTopLeft(Net net, String name, Value x) {
        Value rows = net.layer("slice", name + "_rows").attr("axis", 2).attr("start", 1)
                .attr("end", x.shape().dim(2)).apply(x);
        return net.layer("slice", name).attr("axis", 3).attr("start", 1).attr("end", x.shape().dim(3)).apply(rows);
    }

    /**
     * Cadene's {@code MaxPoolPad} / {@code AvgPoolPad}: a 3×3 stride-2 pool (padding 1) of the map padded at the top
     * left, cropped back; the windows then start on even rows and columns, as TensorFlow's "same" pooling does.
     */
    static Value shiftedPool(Net net, String name, Value x, boolean max) {
        Net pool = net.scope(name);
        x = padTopLeft(pool, "pad", x);
        x = max ? pool.maxPool("pool", 3).stride(2).padding(1).apply(x)
                : pool.avgPool("pool", 3).stride(2).padding(1).excludePadding().apply(x);
        return cropTopLeft(pool, "crop", x);
    }
}
