package dev.strix.models.resnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/** A kind of residual block: how much it widens its planes and how its nodes are laid out. */
public interface ResidualBlock {

    /** Output channels per plane ({@code 1} for {@link BasicBlock}, {@code 4} for {@link Bottleneck}). */
    int expansion();

    /**
     * Adds one block in {@code net} (scoped to the block, such as {@code layer2.0}) and returns its output.
     *
     * @param planes the stage's base width; the block outputs {@code planes · expansion()} channels
     * @param stride 2 for the first block of a downsampling stage
     * @param groups grouped 3×3 convolution (ResNeXt's cardinality)
     * @param widthPerGroup channels per group at 64 planes (64 for ResNet, 4 or 8 for ResNeXt, 128 for Wide ResNet)
     */
    Value apply(Net net, Value x, int planes, int stride, int groups, int widthPerGroup);

    /**
     * torchvision's shortcut: the input itself, or {@code downsample} (1×1 conv with the block's stride, then
     * batch norm) where the stride or the width changes.
     */
    static Value shortcut(Net net, Value x, int outChannels, int stride) {
        if (stride == 1 && x.shape().dim(1) == outChannels) {
            return x;
        }
        Net d = net.scope("downsample");
        Value y = d.conv("0", outChannels, 1).stride(stride).noBias().apply(x);
        return d.batchNorm("1", y);
    }
}
