package dev.strix.models.mobilenet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.ConvNormActivation;
import dev.strix.models.common.ModelOptionException;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import dev.strix.models.common.TableFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MobileNet v1 (Howard et al. 2017, Table 1): a 3×3 stride-2 conv to 32, thirteen depthwise separable blocks
 * (3×3 depthwise conv, BN, ReLU, 1×1 pointwise conv, BN, ReLU), global average pooling and a fully connected
 * layer. torchvision has no MobileNet v1; the layout follows torchvision's MobileNet v2 so names read alike:
 * {@code features.0} is the stem ({@code .0} conv, {@code .1} BN), {@code features.1}–{@code features.13} the
 * blocks ({@code .0} depthwise, {@code .1} BN, {@code .3} pointwise, {@code .4} BN), {@code classifier.1} the
 * linear layer (Keras's 1×1 {@code conv_preds} holds the same numbers).
 *
 * <p>The paper's two hyper-parameters: the width multiplier α ({@link ModelOptions#width}, every width becomes
 * ⌊α·c⌋ as in the paper and Keras) and the resolution multiplier ρ (option {@code resolution}, the default
 * input becoming round(224ρ)). Option {@code activation=relu6} uses Keras's ReLU6 instead of the paper's ReLU.
 * At α = 1, 224: 4,231,976 parameters and 568.7M multiply-adds (paper: 4.2M and 569M); with batch norm's running
 * mean and variance counted the total is Keras's 4,253,864.
 */
public final class MobileNetV1 extends TableFamily<MobileNetV1.Config> {
    public static final String RESOLUTION = "resolution";
    public static final String ACTIVATION = "activation";

    /** One depthwise separable block: pointwise output width and depthwise stride. */
    public record Block(int out, int stride) {}

    /** @param stem stem width; @param blocks the thirteen blocks of Table 1; @param resolution base input size */
    public record Config(int stem, List<Block> blocks, int resolution) {}

    public MobileNetV1() {
        super("mobilenet_v1", "MobileNet v1 (Howard et al. 2017) with width (alpha) and resolution (rho) multipliers",
                Map.of("mobilenet_v1", new Config(32, List.of(new Block(64, 1), new Block(128, 2),
                        new Block(128, 1), new Block(256, 2), new Block(256, 1), new Block(512, 2),
                        new Block(512, 1), new Block(512, 1), new Block(512, 1), new Block(512, 1),
                        new Block(512, 1), new Block(1024, 2), new Block(1024, 1)), 224)));
    }

    @Override
    protected boolean hasWidthMultiplier() {
        return true;
    }

    @Override
    protected Set<String> optionNames() {
        return Set.of(RESOLUTION, ACTIVATION);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, config.resolution(), config.resolution());
    }

    @Override
    protected Shape defaultInput(Config config, ModelOptions options) {
        double rho = positive(options, RESOLUTION, 1.0);
        if (options.input() != null && options.option(RESOLUTION).isPresent()) {
            throw new ModelOptionException("give either an input size or the resolution multiplier, not both (input "
                    + options.input() + ", resolution " + rho + ")");
        }
        int side = (int) Math.round(config.resolution() * rho);
        return Shape.of(3, side, side);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        double alpha = options.widthOr(1.0);
        String act = choice(options, ACTIVATION, "relu", Set.of("relu", "relu6"));
        Sequence features = net.sequence("features");
        Net f = features.net();
        x = ConvNormActivation.apply(f, features.next(), x, scaled(config.stem(), alpha), 3, 2, 1, act);
        for (Block b : config.blocks()) {
            Sequence block = f.sequence(features.next());
            Net s = block.net();
            int in = x.shape().dim(1);
            x = s.conv(block.next(), in, 3).stride(b.stride()).padding(1).groups(in).noBias().apply(x);
            x = s.batchNorm(block.next(), x);
            x = s.activation(act, block.next(), x);
            x = s.conv(block.next(), scaled(b.out(), alpha), 1).noBias().apply(x);
            x = s.batchNorm(block.next(), x);
            x = s.activation(act, block.next(), x);
        }
        x = net.globalAvgPool("avgpool", x);
        x = net.flatten("flatten", x);
        Sequence classifier = net.sequence("classifier");
        x = classifier.net().dropout(classifier.next(), x, 1e-3);
        return classifier.net().linear(classifier.next(), x, options.classesOr(1000));
    }

    private static int scaled(int channels, double alpha) {
        int c = (int) (channels * alpha);
        if (c < 1) {
            throw new ModelOptionException("width multiplier " + alpha + " leaves no channels of " + channels);
        }
        return c;
    }
}
