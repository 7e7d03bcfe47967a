package dev.strix.models.inception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/**
 * Inception v3's 17×17 module (Mixed_6b–6e) with factorised 7×7 convolutions: 1×1; 1×1→1×7→7×1;
 * 1×1→7×1→1×7→7×1→1×7; 3×3 average pool→1×1.
 */
final class InceptionC {
    private InceptionC() {}

    static Value apply(Net net, Value x, int c7) {
        Value b1 = BasicConv2d.apply(net, "branch1x1", x, 192, 1);
        Value b7 = BasicConv2d.apply(net, "branch7x7_1", x, c7, 1);
        b7 = BasicConv2d.apply(net, "branch7x7_2", b7, c7, 1, 7, c -> c.padding(0, 3));
        b7 = BasicConv2d.apply(net, "branch7x7_3", b7, 192, 7, 1, c -> c.padding(3, 0));
        Value bd = BasicConv2d.apply(net, "branch7x7dbl_1", x, c7, 1);
        bd = BasicConv2d.apply(net, "branch7x7dbl_2", bd, c7, 7, 1, c -> c.padding(3, 0));
        bd = BasicConv2d.apply(net, "branch7x7dbl_3", bd, c7, 1, 7, c -> c.padding(0, 3));
        bd = BasicConv2d.apply(net, "branch7x7dbl_4", bd, c7, 7, 1, c -> c.padding(3, 0));
        bd = BasicConv2d.apply(net, "branch7x7dbl_5", bd, 192, 1, 7, c -> c.padding(0, 3));
        Value bp = net.avgPool("pool", 3).stride(1).padding(1).apply(x);
        bp = BasicConv2d.apply(net, "branch_pool", bp, 192, 1);
        return net.concat("cat", b1, b7, bd, bp);
    }
}
