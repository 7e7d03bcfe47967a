package dev.strix.models.inceptionresnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import java.util.List;

/**
 * The non-residual mixing blocks of Inception-ResNet-v2, each concatenating its branches on the channel axis:
 * {@code mixed_5b} (the stem's last Inception-A style block, 192 → 320 channels), {@code mixed_6a} (Reduction-A,
 * 35 → 17, 320 → 1088) and {@code mixed_7a} (Reduction-B, 17 → 8, 1088 → 2080).
 */
final class ReductionBlocks {
    private ReductionBlocks() {}

    /** timm's {@code Mixed_5b}. */
    static Value mixed5b(Net net, Value x) {
        Value b0 = BasicConv.of(96, 1).apply(net, "branch0", x);
        Value b1 = BasicConv.chain(net.sequence("branch1"), x, List.of(BasicConv.of(48, 1), BasicConv.same(64, 5)));
        Value b2 = BasicConv.chain(net.sequence("branch2"), x,
                List.of(BasicConv.of(64, 1), BasicConv.same(96, 3), BasicConv.same(96, 3)));
        Sequence branch3 = net.sequence("branch3");
        Value b3 = branch3.net().avgPool(branch3.next(), 3).stride(1).padding(1).excludePadding().apply(x);
        b3 = BasicConv.chain(branch3, b3, List.of(BasicConv.of(64, 1)));
        return net.concat("cat", b0, b1, b2, b3);
    }

    /** timm's {@code Mixed_6a}. */
    static Value mixed6a(Net net, Value x) {
        Value b0 = BasicConv.reducing(384, 3).apply(net, "branch0", x);
        Value b1 = BasicConv.chain(net.sequence("branch1"), x,
                List.of(BasicConv.of(256, 1), BasicConv.same(256, 3), BasicConv.reducing(384, 3)));
        Value b2 = net.maxPool("branch2", 3).stride(2).apply(x);
        return net.concat("cat", b0, b1, b2);
    }

    /** timm's {@code Mixed_7a}. */
    static Value mixed7a(Net net, Value x) {
        Value b0 = BasicConv.chain(net.sequence("branch0"), x, List.of(BasicConv.of(256, 1), BasicConv.reducing(384, 3)));
        Value b1 = BasicConv.chain(net.sequence("branch1"), x, List.of(BasicConv.of(256, 1), BasicConv.reducing(288, 3)));
        Value b2 = BasicConv.chain(net.sequence("branch2"), x,
                List.of(BasicConv.of(256, 1), BasicConv.same(288, 3), BasicConv.reducing(320, 3)));
        Value b3 = net.maxPool("branch3", 3).stride(2).apply(x);
        return net.concat("cat", b0, b1, b2, b3);
    }
}
