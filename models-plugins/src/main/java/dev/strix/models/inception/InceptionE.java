package dev.strix.models.inception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/**
 * Inception v3's 8×8 module (Mixed_7b, 7c) with expanded filter banks: 1×1; 1×1→(1×3 ‖ 3×1);
 * 1×1→3×3→(1×3 ‖ 3×1); 3×3 average pool→1×1.
 */
final class InceptionE {
    private InceptionE() {}

    static Value apply(Net net, Value x) {
        Value b1 = BasicConv2d.apply(net, "branch1x1", x, 320, 1);
        Value b3 = BasicConv2d.apply(net, "branch3x3_1", x, 384, 1);
        b3 = net.concat("cat3x3", BasicConv2d.apply(net, "branch3x3_2a", b3, 384, 1, 3, c -> c.padding(0, 1)),
                BasicConv2d.apply(net, "branch3x3_2b", b3, 384, 3, 1, c -> c.padding(1, 0)));
        Value bd = BasicConv2d.apply(net, "branch3x3dbl_1", x, 448, 1);
        bd = BasicConv2d.apply(net, "branch3x3dbl_2", bd, 384, 3, c -> c.padding(1));
        bd = net.concat("cat3x3dbl", BasicConv2d.apply(net, "branch3x3dbl_3a", bd, 384, 1, 3, c -> c.padding(0, 1)),
                BasicConv2d.apply(net, "branch3x3dbl_3b", bd, 384, 3, 1, c -> c.padding(1, 0)));
        Value bp = net.avgPool("pool", 3).stride(1).padding(1).apply(x);
        bp = BasicConv2d.apply(net, "branch_pool", bp, 192, 1);
        return net.concat("cat", b1, b3, bd, bp);
    }
}
