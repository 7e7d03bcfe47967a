package dev.strix.models.densenet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import java.util.List;

/**
 * One layer of a dense block (DenseNet-BC): concatenate every earlier feature map of the block, then BN-ReLU-1×1
 * conv to {@code bnSize · growth} channels and BN-ReLU-3×3 conv to {@code growth} new channels.
 */
final class DenseLayer {
    private DenseLayer() {}

    static Value apply(Net net, List<Value> features, int growth, int bnSize) {
        Value x = features.size() == 1 ? features.get(0) : net.concat("cat", features);
        x = net.relu("relu1", net.batchNorm("norm1", x));
        x = net.conv("conv1", bnSize * growth, 1).noBias().apply(x);
        x = net.relu("relu2", net.batchNorm("norm2", x));
        return net.conv("conv2", growth, 3).padding(1).noBias().apply(x);
    }
}
