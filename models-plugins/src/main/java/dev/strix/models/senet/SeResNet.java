package dev.strix.models.senet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Squeeze-and-Excitation networks (Hu et al. 2018) on a ResNet-50 / ResNeXt-50 body, following timm's
 * {@code seresnet50} and {@code seresnext50_32x4d} (timm's {@code resnet.py} with {@code attn_layer='se'}; not the
 * {@code legacy_seresnet50} of Cadene's port, whose names start {@code layer0.} and {@code se_module.}), so that
 * timm's state_dict loads one to one: stem {@code conv1} 7×7 stride 2, {@code bn1}, max pool; stages
 * {@code layer1}–{@code layer4} of {@link SeBottleneck}s; global average pooling and {@code fc}. torchvision has no
 * SENet.
 *
 * <p>Parameters: 28,088,024 for {@code se_resnet50} (ResNet-50's 25,557,032 plus 2,530,992 in the SE modules; the
 * paper's Table 1 says ~28.1M) and 27,559,896 for {@code se_resnext50_32x4d}. MACs at 224×224 are 4.09G and 4.26G:
 * like torchvision's ResNet (v1.5) timm strides in the 3×3 convolution, which costs more than the paper's v1 stride in
 * the first 1×1 convolution (its 3.87 GFLOPs figure).
 */
public final class SeResNet extends TableFamily<SeResNetConfig> {
    private static final int[] PLANES = {64, 128, 256, 512};

    public SeResNet() {
        super("senet", "Squeeze-and-Excitation ResNet / ResNeXt (Hu et al. 2018; timm names)", table());
    }

    private static Map<String, SeResNetConfig> table() {
        Map<String, SeResNetConfig> t = new LinkedHashMap<>();
        t.put("se_resnet50", new SeResNetConfig(new int[] {3, 4, 6, 3}, 1, 64));
        t.put("se_resnext50_32x4d", new SeResNetConfig(new int[] {3, 4, 6, 3}, 32, 4));
        return t;
    }

    @Override
    protected Shape defaultInput(SeResNetConfig config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, SeResNetConfig config, ModelOptions options) {
        x = net.conv("conv1", 64, 7).stride(2).padding(3).noBias().apply(x);
        x = net.relu("act1", net.batchNorm("bn1", x));
        x = net.maxPool("maxpool", 3).stride(2).padding(1).apply(x);
        for (int s = 0; s < config.stages(); s++) {
            Net stage = net.scope("layer" + (s + 1));
            for (int i = 0; i < config.blocks(s); i++) {
                int stride = i == 0 && s > 0 ? 2 : 1;
                x = SeBottleneck.apply(stage.scope(Integer.toString(i)), x, PLANES[s], stride, config);
            }
        }
        x = net.globalAvgPool("global_pool", x);
        x = net.flatten("flatten", x);
        return net.linear("fc", x, options.classesOr(1000));
    }
}
