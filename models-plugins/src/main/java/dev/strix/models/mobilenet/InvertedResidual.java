package dev.strix.models.mobilenet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.ConvNormActivation;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;

/**
 * MobileNet v2's inverted residual block, as torchvision lays it out under {@code conv}: an optional 1×1
 * expansion (ReLU6), a 3×3 depthwise conv (ReLU6) carrying the stride, a linear 1×1 projection with batch norm,
 * and the input added back when stride is 1 and the width is unchanged.
 */
final class InvertedResidual {
    private InvertedResidual() {}

    static Value apply(Net net, Value x, int out, int stride, int expandRatio) {
        int in = x.shape().dim(1);
        int hidden = (int) Math.round((double) in * expandRatio);
        Sequence conv = net.sequence("conv");
        Net c = conv.net();
        Value y = x;
        if (expandRatio != 1) {
            y = ConvNormActivation.apply(c, conv.next(), y, hidden, 1, 1, 1, "relu6");
        }
        y = ConvNormActivation.apply(c, conv.next(), y, hidden, 3, stride, hidden, "relu6");
        y = c.conv(conv.next(), out, 1).noBias().apply(y);
        y = c.batchNorm(conv.next(), y);
        return stride == 1 && in == out ? net.add("add", x, y) : y;
    }
}
