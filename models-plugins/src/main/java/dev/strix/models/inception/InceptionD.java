package dev.strix.models.inception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/** Inception v3's grid reduction 17→8 (Mixed_7a): 1×1→3×3 stride 2; 1×1→1×7→7×1→3×3 stride 2; max pool. */
final class InceptionD {
    private InceptionD() {}

    static Value apply(Net net, Value x) {
        Value b3 = BasicConv2d.apply(net, "branch3x3_1", x, 192, 1);
        b3 = BasicConv2d.apply(net, "branch3x3_2", b3, 320, 3, c -> c.stride(2));
        Value b7 = BasicConv2d.apply(net, "branch7x7x3_1", x, 192, 1);
        b7 = BasicConv2d.apply(net, "branch7x7x3_2", b7, 192, 1, 7, c -> c.padding(0, 3));
        b7 = BasicConv2d.apply(net, "branch7x7x3_3", b7, 192, 7, 1, c -> c.padding(3, 0));
        b7 = BasicConv2d.apply(net, "branch7x7x3_4", b7, 192, 3, c -> c.stride(2));
        Value bp = net.maxPool("pool", 3).stride(2).apply(x);
        return net.concat("cat", b3, b7, bp);
    }
}
