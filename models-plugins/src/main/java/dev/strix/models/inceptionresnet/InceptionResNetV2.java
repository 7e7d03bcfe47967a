package dev.strix.models.inceptionresnet;

import dev.strix.api.Shape;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.Net;
import dev.strix.models.common.TableFamily;
import java.util.Map;

/**
 * Inception-ResNet-v2 (Szegedy, Ioffe, Vanhoucke and Alemi 2016) on 3×299×299, following timm's
 * {@code inception_resnet_v2} (Cadene's port of the TensorFlow-Slim model) module for module, so timm's state_dict
 * loads one to one: stem {@code conv2d_1a}, {@code conv2d_2a}, {@code conv2d_2b}, {@code maxpool_3a},
 * {@code conv2d_3b}, {@code conv2d_4a}, {@code maxpool_5a}, {@code mixed_5b}; ten Inception-ResNet-A blocks
 * {@code repeat.0–9}; {@code mixed_6a}; twenty Inception-ResNet-B blocks {@code repeat_1.0–19}; {@code mixed_7a};
 * nine Inception-ResNet-C blocks {@code repeat_2.0–8} and a last one without ReLU {@code block8};
 * {@code conv2d_7b} (1536 channels), global average pooling and {@code classif}. torchvision has none.
 *
 * <p>Like the TF-Slim model timm ports (and Keras's), this is the released Inception-ResNet-v2 rather than the
 * paper's figures to the letter: the stem ends in {@code mixed_5b} with 320 channels instead of the Inception-v4
 * stem's 384, and the reductions give 1088 and 2080 channels instead of 1152 and 2144. Pretrained weights have
 * this layout. Parameters: 55,843,464; adding the batch norms' running statistics and removing their scale γ,
 * which Keras leaves out ({@code scale=False}), gives Keras's 55,873,736 total (the test checks both). MACs at
 * 299×299: 13.16G.
 */
public final class InceptionResNetV2 extends TableFamily<InceptionResNetV2.Config> {
    /** One variant; its block counts are the paper's. */
    public record Config(int blocksA, int blocksB, int blocksC) {}

    public InceptionResNetV2() {
        super("inception_resnet", "Inception-ResNet-v2 (Szegedy et al. 2016; timm names)",
                Map.of("inception_resnet_v2", new Config(10, 20, 10)));
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 299, 299);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        x = BasicConv.reducing(32, 3).apply(net, "conv2d_1a", x);
        x = BasicConv.of(32, 3).apply(net, "conv2d_2a", x);
        x = BasicConv.same(64, 3).apply(net, "conv2d_2b", x);
        x = net.maxPool("maxpool_3a", 3).stride(2).apply(x);
        x = BasicConv.of(80, 1).apply(net, "conv2d_3b", x);
        x = BasicConv.of(192, 3).apply(net, "conv2d_4a", x);
        x = net.maxPool("maxpool_5a", 3).stride(2).apply(x);
        x = ReductionBlocks.mixed5b(net.scope("mixed_5b"), x);
        x = repeat(net.scope("repeat"), x, ResidualInceptionBlock.block35(), config.blocksA());
        x = ReductionBlocks.mixed6a(net.scope("mixed_6a"), x);
        x = repeat(net.scope("repeat_1"), x, ResidualInceptionBlock.block17(), config.blocksB());
        x = ReductionBlocks.mixed7a(net.scope("mixed_7a"), x);
        x = repeat(net.scope("repeat_2"), x, ResidualInceptionBlock.block8(0.20, true), config.blocksC() - 1);
        x = ResidualInceptionBlock.block8(1.0, false).apply(net.scope("block8"), x);
        x = BasicConv.of(1536, 1).apply(net, "conv2d_7b", x);
        x = net.globalAvgPool("global_pool", x);
        x = net.flatten("flatten", x);
        return net.linear("classif", x, options.classesOr(1000));
    }

    private static Value repeat(Net net, Value x, ResidualInceptionBlock block, int times) {
        for (int i = 0; i < times; i++) {
            x = block.apply(net.scope(Integer.toString(i)), x);
        }
        return x;
    }
}
