package dev.strix.models.inception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/** Inception v3's 35×35 module (Mixed_5b–5d): 1×1; 1×1→5×5; 1×1→3×3→3×3; 3×3 average pool→1×1. */
final class InceptionA {
    private InceptionA() {}

    static Value apply(Net net, Value x, int poolFeatures) {
        Value b1 = BasicConv2d.apply(net, "branch1x1", x, 64, 1);
        Value b5 = BasicConv2d.apply(net, "branch5x5_1", x, 48, 1);
        b5 = BasicConv2d.apply(net, "branch5x5_2", b5, 64, 5, c -> c.padding(2));
        Value b3 = BasicConv2d.apply(net, "branch3x3dbl_1", x, 64, 1);
        b3 = BasicConv2d.apply(net, "branch3x3dbl_2", b3, 96, 3, c -> c.padding(1));
        b3 = BasicConv2d.apply(net, "branch3x3dbl_3", b3, 96, 3, c -> c.padding(1));
        Value bp = net.avgPool("pool", 3).stride(1).padding(1).apply(x);
        bp = BasicConv2d.apply(net, "branch_pool", bp, poolFeatures, 1);
        return net.concat("cat", b1, b5, b3, bp);
    }
}
