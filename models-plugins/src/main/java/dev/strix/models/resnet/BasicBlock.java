package dev.strix.models.resnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/** ResNet-18/34's block: two 3×3 conv-BN pairs and the shortcut, added before the last ReLU. */
public final class BasicBlock implements ResidualBlock {
    public static final BasicBlock INSTANCE = new BasicBlock();

    private BasicBlock() {}

    @Override
    public int expansion() {
        return 1;
    }

    @Override
    public Value apply(Net net, Value x, int planes, int stride, int groups, int widthPerGroup) {
        if (groups != 1 || widthPerGroup != 64) {
            // torchvision rejects these too: the basic block has no grouped or widened form.
            throw new IllegalArgumentException("BasicBlock supports only groups=1 and width_per_group=64, got groups="
                    + groups + ", width_per_group=" + widthPerGroup);
        }
        Value y = net.conv("conv1", planes, 3).stride(stride).padding(1).noBias().apply(x);
        y = net.relu("relu1", net.batchNorm("bn1", y));
        y = net.conv("conv2", planes, 3).padding(1).noBias().apply(y);
        y = net.batchNorm("bn2", y);
        Value identity = ResidualBlock.shortcut(net, x, planes, stride);
        return net.relu("relu", net.add("add", y, identity));
    }
}
