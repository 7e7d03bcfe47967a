package dev.strix.models.alexnet;

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
 * AlexNet and its close relatives: five convolutions in {@code features}, three fully connected layers in
 * {@code classifier}, laid out as torchvision's {@code AlexNet} so parameter names are {@code features.0.weight} …
 * {@code classifier.6.bias}.
 *
 * <ul>
 *   <li>{@code alexnet}: torchvision's model (the "one weird trick" single-tower form: 64-192-384-256-256 filters,
 *       no normalisation, adaptive average pooling to 6×6); 61,100,840 parameters.</li>
 *   <li>{@code alexnet_original}: Krizhevsky, Sutskever and Hinton 2012 on 227×227: 96-256-384-384-256 filters,
 *       local response normalisation (size 5, α 1e-4, β 0.75, k 2) after the first two ReLUs, and the two-GPU
 *       split kept as groups = 2 in conv2, conv4 and conv5 (Caffe's BVLC AlexNet); 60,965,224 parameters,
 *       the paper's "60 million".</li>
 *   <li>{@code zfnet}: Zeiler and Fergus 2014 on 224×224 as REFERENCE.md describes it: AlexNet with conv1 7×7
 *       stride 2 (96 filters), conv2 stride 2 and conv3/4/5 of 512/1024/512 filters; the paper's contrast
 *       normalisation follows the first two pools and pools round up (ceil mode) so the maps are 110, 55, 26, 13
 *       and 6 pixels wide as in its Figure 3.</li>
 * </ul>
 */
public final class AlexNet extends TableFamily<AlexNet.Config> {

    /** Where a stage's local response normalisation sits, if it has one. */
    public enum Norm { NONE, BEFORE_POOL, AFTER_POOL }

    /** One convolution of {@code features}, followed by ReLU and optionally a 3×3 stride-2 max pool. */
    public record Stage(int out, int kernel, int stride, int padding, int groups, boolean pool, Norm norm) {}

    /**
     * @param stages the five convolutions
     * @param input the (C, H, W) the variant is defined for
     * @param ceilPools whether the pools round up
     * @param adaptivePool whether {@code avgpool} (adaptive average pooling to 6×6) precedes the classifier
     */
    public record Config(List<Stage> stages, Shape input, boolean ceilPools, boolean adaptivePool) {}

    private static final Map<String, Config> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("alexnet", new Config(List.of(
                new Stage(64, 11, 4, 2, 1, true, Norm.NONE),
                new Stage(192, 5, 1, 2, 1, true, Norm.NONE),
                new Stage(384, 3, 1, 1, 1, false, Norm.NONE),
                new Stage(256, 3, 1, 1, 1, false, Norm.NONE),
                new Stage(256, 3, 1, 1, 1, true, Norm.NONE)), Shape.of(3, 224, 224), false, true));
        VARIANTS.put("alexnet_original", new Config(List.of(
                new Stage(96, 11, 4, 0, 1, true, Norm.BEFORE_POOL),
                new Stage(256, 5, 1, 2, 2, true, Norm.BEFORE_POOL),
                new Stage(384, 3, 1, 1, 1, false, Norm.NONE),
                new Stage(384, 3, 1, 1, 2, false, Norm.NONE),
                new Stage(256, 3, 1, 1, 2, true, Norm.NONE)), Shape.of(3, 227, 227), false, false));
        VARIANTS.put("zfnet", new Config(List.of(
                new Stage(96, 7, 2, 1, 1, true, Norm.AFTER_POOL),
                new Stage(256, 5, 2, 0, 1, true, Norm.AFTER_POOL),
                new Stage(512, 3, 1, 1, 1, false, Norm.NONE),
                new Stage(1024, 3, 1, 1, 1, false, Norm.NONE),
                new Stage(512, 3, 1, 1, 1, true, Norm.NONE)), Shape.of(3, 224, 224), true, false));
    }

    public AlexNet() {
        super("alexnet", "AlexNet (torchvision's and Krizhevsky et al. 2012's with LRN) and ZFNet", VARIANTS);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return config.input();
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        Sequence features = net.sequence("features");
        Net f = features.net();
        for (Stage s : config.stages()) {
            x = f.conv(features.next(), s.out(), s.kernel()).stride(s.stride()).padding(s.padding())
                    .groups(s.groups()).apply(x);
            x = f.relu(features.next(), x);
            if (s.norm() == Norm.BEFORE_POOL) {
                x = lrn(f, features.next(), x);
            }
            if (s.pool()) {
                var pool = f.maxPool(features.next(), 3).stride(2);
                x = config.ceilPools() ? pool.ceilMode().apply(x) : pool.apply(x);
            }
            if (s.norm() == Norm.AFTER_POOL) {
                x = lrn(f, features.next(), x);
            }
        }
        if (config.adaptivePool()) {
            x = net.adaptiveAvgPool("avgpool", x, 6, 6);
        }
        x = net.flatten("flatten", x);
        Sequence classifier = net.sequence("classifier");
        Net c = classifier.net();
        for (int i = 0; i < 2; i++) {
            x = c.dropout(classifier.next(), x, 0.5);
            x = c.linear(classifier.next(), x, 4096);
            x = c.relu(classifier.next(), x);
        }
        return c.linear(classifier.next(), x, options.classesOr(1000));
    }

    /** Krizhevsky et al.'s response normalisation: n = 5, α = 1e-4, β = 0.75, k = 2. */
    private static Value lrn(Net net, String name, Value x) {
        return net.localResponseNorm(name, x, 5, 1e-4, 0.75, 2.0);
    }
}
