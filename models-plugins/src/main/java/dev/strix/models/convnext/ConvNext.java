package dev.strix.models.convnext;

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
 * ConvNeXt (Liu et al. 2022) as torchvision 0.14 builds it ({@code ConvNeXt}), so its state_dict loads one to one.
 * {@code features} is a sequence: {@code features.0} is the 4×4 stride-4 stem convolution and a channels-first
 * layer norm; stages of {@link CNBlock}s sit at {@code features.1, 3, 5, 7} with a channels-first layer norm and a
 * 2×2 stride-2 convolution between them ({@code features.2, 4, 6}); then global average pooling and
 * {@code classifier} (layer norm, flatten, linear).
 *
 * <p>The input must be at least 32×32 (four halvings after the stem); smaller inputs fail at the node where the map
 * collapses.
 */
public final class ConvNext extends TableFamily<ConvNextConfig> {

    public ConvNext() {
        super("convnext", "ConvNeXt (torchvision)", table());
    }

    private static Map<String, ConvNextConfig> table() {
        List<Integer> small = List.of(96, 192, 384, 768);
        Map<String, ConvNextConfig> t = new LinkedHashMap<>();
        t.put("convnext_tiny", new ConvNextConfig(small, List.of(3, 3, 9, 3), 0.1));
        t.put("convnext_small", new ConvNextConfig(small, List.of(3, 3, 27, 3), 0.4));
        t.put("convnext_base", new ConvNextConfig(List.of(128, 256, 512, 1024), List.of(3, 3, 27, 3), 0.5));
        t.put("convnext_large", new ConvNextConfig(List.of(192, 384, 768, 1536), List.of(3, 3, 27, 3), 0.5));
        return t;
    }

    @Override
    protected Shape defaultInput(ConvNextConfig config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, ConvNextConfig config, ModelOptions options) {
        Sequence features = net.sequence("features");
        Sequence stem = features.net().sequence(features.next());
        x = stem.net().conv(stem.next(), config.dims().get(0), 4).stride(4).apply(x);
        x = channelsFirstNorm(stem.net(), stem.next(), x);

        int block = 0;
        for (int s = 0; s < config.stages(); s++) {
            Net stage = features.net().scope(features.next());
            for (int i = 0; i < config.depths().get(s); i++) {
                double dropPath = config.stochasticDepth() * block / (config.totalBlocks() - 1.0);
                x = CNBlock.apply(stage.scope(Integer.toString(i)), x, dropPath);
                block++;
            }
            if (s < config.stages() - 1) {
                Sequence down = features.net().sequence(features.next());
                x = channelsFirstNorm(down.net(), down.next(), x);
                x = down.net().conv(down.next(), config.dims().get(s + 1), 2).stride(2).apply(x);
            }
        }

        x = net.adaptiveAvgPool("avgpool", x, 1, 1);
        Sequence classifier = net.sequence("classifier");
        x = channelsFirstNorm(classifier.net(), classifier.next(), x);
        x = classifier.net().flatten(classifier.next(), x);
        return classifier.net().linear(classifier.next(), x, options.classesOr(1000));
    }

    /** torchvision's {@code LayerNorm2d}: a layer norm over the channels of an NCHW map. */
    private static Value channelsFirstNorm(Net net, String name, Value x) {
        return net.layer("layer_norm", name).attr("normalized_shape", new int[] {x.shape().dim(1)})
                .attr("channels_first", true).attr("eps", CNBlock.LN_EPS).apply(x);
    }
}
