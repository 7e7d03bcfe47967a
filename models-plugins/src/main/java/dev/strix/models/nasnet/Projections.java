package dev.strix.models.nasnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/** How a NASNet cell brings its two inputs to the cell's width before combining them. */
final class Projections {
    private Projections() {}

    /** Cadene's {@code conv_1x1} / {@code conv_prev_1x1}: a sequence of ReLU, 1×1 {@code conv} and {@code bn}. */
    static Value reluConvBn(Net net, Value x, int out) {
        x = net.relu("relu", x);
        x = net.conv("conv", out, 1).noBias().apply(x);
        return net.batchNorm("bn", x, SeparableBranch.BN_EPS);
    }

    /**
     * The factorised reduction of the previous-previous input when it has twice this cell's resolution: ReLU, then
     * two half-width paths of a stride-2 1×1 average pool and a 1×1 convolution — {@code path_1} on the map,
     * {@code path_2} on the map shifted by one pixel — concatenated and batch-normalised ({@code final_path_bn}).
     *
     * @param net the cell's scope
     */
    static Value factorizedReduction(Net net, Value x, int out) {
        x = net.relu("relu", x);
        Net p1 = net.scope("path_1");
        Value a = p1.avgPool("avgpool", 1).stride(2).excludePadding().apply(x);
        a = p1.conv("conv", out / 2, 1).noBias().apply(a);

        Net p2 = net.scope("path_2");
        Value b = Shifts.padBottomRight(p2, "pad", x);
        b = Shifts.cropTopLeft(p2, "crop", b);
        b = p2.avgPool("avgpool", 1).stride(2).excludePadding().apply(b);
        b = p2.conv("conv", out - out / 2, 1).noBias().apply(b);

        return net.batchNorm("final_path_bn", net.concat("path_cat", a, b), SeparableBranch.BN_EPS);
    }
}
