package dev.strix.models.mobilenet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.ConvNormActivation;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import dev.strix.models.common.TableFamily;
import java.util.List;
import java.util.Map;

/**
 * MobileNet v2 (Sandler et al. 2018) as torchvision builds it: {@code features.0} a 3×3 stride-2 stem, then
 * inverted residual blocks from the table (t, c, n, s) — expansion, width, repeats, first stride — then a 1×1
 * conv to 1280, global average pooling and {@code classifier} (dropout 0.2, linear). The width multiplier
 * ({@link ModelOptions#width}) scales every width, rounded to a multiple of 8 as torchvision does; the last conv
 * never narrows below 1280.
 */
public final class MobileNetV2 extends TableFamily<MobileNetV2.Config> {

    /** One row of the paper's Table 2: expansion t, output channels c, repeats n, first stride s. */
    public record Stage(int t, int c, int n, int s) {}

    /** @param stages the bottleneck table; @param stem stem width; @param last width of the last 1×1 conv */
    public record Config(List<Stage> stages, int stem, int last) {}

    public MobileNetV2() {
        super("mobilenet_v2", "MobileNet v2 (Sandler et al. 2018) with width multiplier",
                Map.of("mobilenet_v2", new Config(List.of(new Stage(1, 16, 1, 1), new Stage(6, 24, 2, 2),
                        new Stage(6, 32, 3, 2), new Stage(6, 64, 4, 2), new Stage(6, 96, 3, 1),
                        new Stage(6, 160, 3, 2), new Stage(6, 320, 1, 1)), 32, 1280)));
    }

    @Override
    protected boolean hasWidthMultiplier() {
        return true;
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        double width = options.widthOr(1.0);
        Sequence features = net.sequence("features");
        Net f = features.net();
        x = ConvNormActivation.apply(f, features.next(), x, makeDivisible(config.stem() * width), 3, 2, 1, "relu6");
        for (Stage st : config.stages()) {
            int out = makeDivisible(st.c() * width);
            for (int i = 0; i < st.n(); i++) {
                x = InvertedResidual.apply(f.scope(features.next()), x, out, i == 0 ? st.s() : 1, st.t());
            }
        }
        int last = makeDivisible(config.last() * Math.max(1.0, width));
        x = ConvNormActivation.apply(f, features.next(), x, last, 1, 1, 1, "relu6");
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        Sequence classifier = net.sequence("classifier");
        x = classifier.net().dropout(classifier.next(), x, 0.2);
        return classifier.net().linear(classifier.next(), x, options.classesOr(1000));
    }

    /**
     * torchvision's (and TensorFlow's) {@code _make_divisible(v, 8)}: the nearest multiple of 8, at least 8, and
     * never more than 10% below {@code v}.
     */
    static int makeDivisible(double v) {
        int divisor = 8;
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * v ? rounded + divisor : rounded;
    }
}
