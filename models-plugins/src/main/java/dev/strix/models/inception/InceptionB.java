package dev.strix.models.inception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/** Inception v3's grid reduction 35→17 (Mixed_6a): 3×3 stride 2; 1×1→3×3→3×3 stride 2; 3×3 max pool stride 2. */
final class InceptionB {
    private InceptionB() {}

    static Value apply(Net net, Value x) {
        Value b3 = BasicConv2d.apply(net, "branch3x3", x, 384, 3, c -> c.stride(2));
        Value bd = BasicConv2d.apply(net, "branch3x3dbl_1", x, 64, 1);
        bd = BasicConv2d.apply(net, "branch3x3dbl_2", bd, 96, 3, c -> c.padding(1));
        bd = BasicConv2d.apply(net, "branch3x3dbl_3", bd, 96, 3, c -> c.stride(2));
        Value bp = net.maxPool("pool", 3).stride(2).apply(x);
        return net.concat("cat", b3, bd, bp);
    }
}
