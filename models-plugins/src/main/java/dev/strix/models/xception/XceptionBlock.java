package dev.strix.models.xception;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;

/**
 * timm's Xception {@code Block}: {@code rep} is a sequence of (ReLU, separable conv, batch norm) repeated
 * {@code reps} times — the first ReLU left out in the entry block — ending in a 3×3 max pool when the block
 * strides; it is added to the input, or to a 1×1 strided {@code skip} convolution with batch norm {@code skipbn}
 * when the shape changes.
 *
 * @param in input channels
 * @param out output channels
 * @param reps separable convolutions
 * @param stride 1, or 2 to halve the map
 * @param startWithRelu whether {@code rep} opens with a ReLU
 * @param growFirst whether the first separable conv widens to {@code out} (else the last one does)
 */
record XceptionBlock(int in, int out, int reps, int stride, boolean startWithRelu, boolean growFirst) {

    /** A middle-flow block: 728 channels, three separable convs, no stride. */
    static XceptionBlock middle() {
        return new XceptionBlock(728, 728, 3, 1, true, true);
    }

    /** Adds the block in {@code net}'s scope ({@code block5}) and returns its output. */
    Value apply(Net net, Value input) {
        Sequence rep = net.sequence("rep");
        Net r = rep.net();
        Value x = input;
        for (int i = 0; i < reps; i++) {
            if (i > 0 || startWithRelu) {
                x = r.relu(rep.next(), x);
            }
            int outChannels = growFirst || i == reps - 1 ? out : in;
            x = SeparableConv.apply(r.scope(rep.next()), x, outChannels);
            x = r.batchNorm(rep.next(), x);
        }
        if (stride != 1) {
            x = r.maxPool(rep.next(), 3).stride(stride).padding(1).apply(x);
        }
        Value skip = input;
        if (out != in || stride != 1) {
            skip = net.conv("skip", out, 1).stride(stride).noBias().apply(input);
            skip = net.batchNorm("skipbn", skip);
        }
        return net.add("add", x, skip);
    }
}
