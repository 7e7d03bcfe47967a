package dev.strix.models.densenet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DenseNet-BC (Huang et al. 2017) as torchvision builds it, everything but the classifier under {@code features}:
 * a 7×7 stride-2 stem ({@code conv0, norm0, relu0, pool0}), four dense blocks {@code denseblock1..4} of
 * {@code denselayerN}s, transitions {@code transition1..3} (BN-ReLU-1×1 conv halving the channels, 2×2 average
 * pool) between them, a final {@code norm5}, then ReLU, global average pooling and {@code classifier}.
 */
public final class DenseNet extends TableFamily<DenseNet.Config> {

    /**
     * @param growth channels each dense layer adds (k)
     * @param blocks dense layers per block
     * @param initFeatures stem width
     */
    public record Config(int growth, List<Integer> blocks, int initFeatures) {}

    /** Width of a dense layer's 1×1 bottleneck, in multiples of the growth rate. */
    private static final int BN_SIZE = 4;

    private static final Map<String, Config> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("densenet121", new Config(32, List.of(6, 12, 24, 16), 64));
        VARIANTS.put("densenet169", new Config(32, List.of(6, 12, 32, 32), 64));
        VARIANTS.put("densenet201", new Config(32, List.of(6, 12, 48, 32), 64));
    }

    public DenseNet() {
        super("densenet", "DenseNet-BC 121/169/201 (Huang et al. 2017)", VARIANTS);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        Net f = net.scope("features");
        x = f.conv("conv0", config.initFeatures(), 7).stride(2).padding(3).noBias().apply(x);
        x = f.relu("relu0", f.batchNorm("norm0", x));
        x = f.maxPool("pool0", 3).stride(2).padding(1).apply(x);
        List<Integer> blocks = config.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            Net block = f.scope("denseblock" + (b + 1));
            List<Value> features = new ArrayList<>(List.of(x));
            for (int i = 0; i < blocks.get(b); i++) {
                features.add(DenseLayer.apply(block.scope("denselayer" + (i + 1)), features, config.growth(),
                        BN_SIZE));
            }
            x = block.concat("cat", features);
            if (b < blocks.size() - 1) {
                Net t = f.scope("transition" + (b + 1));
                x = t.relu("relu", t.batchNorm("norm", x));
                x = t.conv("conv", x.shape().dim(1) / 2, 1).noBias().apply(x);
                x = t.avgPool("pool", 2).stride(2).apply(x);
            }
        }
        x = f.batchNorm("norm5", x);
        x = net.relu("relu", x);
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        return net.linear("classifier", x, options.classesOr(1000));
    }
}
