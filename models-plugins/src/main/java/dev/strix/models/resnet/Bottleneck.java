package dev.strix.models.resnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import java.util.Objects;

/**
 * The bottleneck block of ResNet-50 and deeper, ResNeXt and Wide ResNet: 1×1 reduce, 3×3 (grouped, carrying the
 * stride — torchvision's "ResNet v1.5"), 1×1 expand to 4× the planes, each with batch norm, and the shortcut.
 */
public final class Bottleneck implements ResidualBlock {
    public static final Bottleneck INSTANCE = new Bottleneck(null);

    /** Applied to the residual branch after {@code bn3}, before the addition (SE-ResNet's {@code se}); or null. */
    private final BranchAttention attention;

    private Bottleneck(BranchAttention attention) {
        this.attention = attention;
    }

    /** A bottleneck whose residual branch passes through {@code attention} before the addition. */
    public static Bottleneck withAttention(BranchAttention attention) {
        return new Bottleneck(Objects.requireNonNull(attention, "attention"));
    }

    /** Reweights a block's residual branch (squeeze-and-excitation and the like), in the block's scope. */
    @FunctionalInterface
    public interface BranchAttention {
        Value apply(Net block, Value branch);
    }

    @Override
    public int expansion() {
        return 4;
    }

    @Override
    public Value apply(Net net, Value x, int planes, int stride, int groups, int widthPerGroup) {
        int width = (int) (planes * (widthPerGroup / 64.0)) * groups;
        int out = planes * expansion();
        Value y = net.conv("conv1", width, 1).noBias().apply(x);
        y = net.relu("relu1", net.batchNorm("bn1", y));
        y = net.conv("conv2", width, 3).stride(stride).padding(1).groups(groups).noBias().apply(y);
        y = net.relu("relu2", net.batchNorm("bn2", y));
        y = net.conv("conv3", out, 1).noBias().apply(y);
        y = net.batchNorm("bn3", y);
        if (attention != null) {
            y = attention.apply(net, y);
        }
        Value identity = ResidualBlock.shortcut(net, x, out, stride);
        return net.relu("relu", net.add("add", y, identity));
    }
}
