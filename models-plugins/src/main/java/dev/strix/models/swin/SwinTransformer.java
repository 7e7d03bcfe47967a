package dev.strix.models.swin;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import dev.strix.models.common.TableFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swin Transformer (Liu et al. 2021) as torchvision 0.14 builds it ({@code SwinTransformer}, v1), so its state_dict
 * loads one to one. {@code features} is a sequence: {@code features.0} is the 4×4 patch convolution, a permute to
 * channels-last and a layer norm; stages sit at {@code features.1, 3, 5, 7} (blocks {@link SwinBlock}, every second
 * one with its windows shifted by half a window) with {@link PatchMerging} at {@code features.2, 4, 6}; then
 * {@code norm}, global average pooling and {@code head}.
 *
 * <p>Any input size works whose patch grid is at least 1×1: the window attention pads the map up to whole windows
 * and turns the shift off where one window covers the map, exactly as torchvision does, and patch merging pads odd
 * sizes.
 */
public final class SwinTransformer extends TableFamily<SwinConfig> {
    private static final int PATCH = 4;

    public SwinTransformer() {
        super("swin", "Swin Transformer v1 (torchvision)", table());
    }

    private static Map<String, SwinConfig> table() {
        Map<String, SwinConfig> t = new LinkedHashMap<>();
        t.put("swin_t", new SwinConfig(96, List.of(2, 2, 6, 2), List.of(3, 6, 12, 24), 7, 0.2));
        t.put("swin_s", new SwinConfig(96, List.of(2, 2, 18, 2), List.of(3, 6, 12, 24), 7, 0.3));
        t.put("swin_b", new SwinConfig(128, List.of(2, 2, 18, 2), List.of(4, 8, 16, 32), 7, 0.5));
        return t;
    }

    @Override
    protected Shape defaultInput(SwinConfig config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, SwinConfig config, ModelOptions options) {
        Sequence features = net.sequence("features");
        Sequence stem = features.net().sequence(features.next());
        x = stem.net().conv(stem.next(), config.embedDim(), PATCH).stride(PATCH).apply(x);
        x = stem.net().layer("permute", stem.next()).attr("dims", 0, 2, 3, 1).apply(x);
        x = stem.net().layerNorm(stem.next(), x, SwinBlock.LN_EPS, config.embedDim());

        int block = 0;
        for (int s = 0; s < config.stages(); s++) {
            Net stage = features.net().scope(features.next());
            for (int i = 0; i < config.depths().get(s); i++) {
                double dropPath = config.stochasticDepth() * block / (config.totalBlocks() - 1);
                int shift = i % 2 == 0 ? 0 : config.windowSize() / 2;
                x = SwinBlock.apply(stage.scope(Integer.toString(i)), x, config.heads().get(s), config.windowSize(),
                        shift, dropPath);
                block++;
            }
            if (s < config.stages() - 1) {
                x = PatchMerging.apply(features.net().scope(features.next()), x);
            }
        }

        int channels = x.shape().dim(3);
        x = net.layerNorm("norm", x, SwinBlock.LN_EPS, channels);
        x = net.layer("permute", "permute").attr("dims", 0, 3, 1, 2).apply(x);
        x = net.adaptiveAvgPool("avgpool", x, 1, 1);
        x = net.flatten("flatten", x);
        return net.linear("head", x, options.classesOr(1000));
    }
}
