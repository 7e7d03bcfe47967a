package dev.strix.models.resnet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ResNet (He et al. 2016), ResNeXt (Xie et al. 2017) and Wide ResNet (Zagoruyko and Komodakis 2016) as torchvision
 * builds them: a 7×7 stride-2 stem with max pool, four stages {@code layer1..layer4} of residual blocks at 64,
 * 128, 256 and 512 planes (stages 2–4 start with stride 2), global average pooling and {@code fc}. A variant is
 * its block kind, its stage depths, and the cardinality and width of its 3×3 convolutions.
 */
public final class ResNet extends TableFamily<ResNet.Config> {

    /**
     * @param block the residual block
     * @param depths blocks per stage
     * @param groups cardinality of the 3×3 convolutions
     * @param widthPerGroup channels per group at 64 planes
     */
    public record Config(ResidualBlock block, List<Integer> depths, int groups, int widthPerGroup) {}

    private static final Map<String, Config> VARIANTS = new LinkedHashMap<>();

    static {
        ResidualBlock basic = BasicBlock.INSTANCE;
        ResidualBlock bottleneck = Bottleneck.INSTANCE;
        VARIANTS.put("resnet18", new Config(basic, List.of(2, 2, 2, 2), 1, 64));
        VARIANTS.put("resnet34", new Config(basic, List.of(3, 4, 6, 3), 1, 64));
        VARIANTS.put("resnet50", new Config(bottleneck, List.of(3, 4, 6, 3), 1, 64));
        VARIANTS.put("resnet101", new Config(bottleneck, List.of(3, 4, 23, 3), 1, 64));
        VARIANTS.put("resnet152", new Config(bottleneck, List.of(3, 8, 36, 3), 1, 64));
        VARIANTS.put("resnext50_32x4d", new Config(bottleneck, List.of(3, 4, 6, 3), 32, 4));
        VARIANTS.put("resnext101_32x8d", new Config(bottleneck, List.of(3, 4, 23, 3), 32, 8));
        VARIANTS.put("wide_resnet50_2", new Config(bottleneck, List.of(3, 4, 6, 3), 1, 128));
    }

    private static final int[] PLANES = {64, 128, 256, 512};

    public ResNet() {
        super("resnet", "ResNet 18-152, ResNeXt and Wide ResNet (torchvision's v1.5 layout)", VARIANTS);
    }

    /** A family with this layout and its own variants, such as SE-ResNet (whose block carries the difference). */
    public ResNet(String name, String description, Map<String, Config> variants) {
        super(name, description, variants);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        x = net.conv("conv1", 64, 7).stride(2).padding(3).noBias().apply(x);
        x = net.relu("relu", net.batchNorm("bn1", x));
        x = net.maxPool("maxpool", 3).stride(2).padding(1).apply(x);
        for (int stage = 0; stage < PLANES.length; stage++) {
            for (int i = 0; i < config.depths().get(stage); i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                Net block = net.scope("layer" + (stage + 1) + "." + i);
                x = config.block().apply(block, x, PLANES[stage], stride, config.groups(), config.widthPerGroup());
            }
        }
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        return net.linear("fc", x, options.classesOr(1000));
    }
}
