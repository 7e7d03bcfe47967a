package dev.strix.models.vgg;

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
 * VGG (Simonyan and Zisserman 2015), as torchvision builds it: 3×3 convolutions (padding 1) with ReLU — and batch
 * norm between them in the {@code _bn} forms — in {@code features}, 2×2 max pools between stages, adaptive average
 * pooling to 7×7 and a 4096-4096-classes {@code classifier}. The variants are the paper's configurations A (vgg11),
 * B (vgg13), D (vgg16) and E (vgg19). Five pools halve the input five times, so an input below 32×32 collapses at
 * the last pool, which the build reports by its node name.
 */
public final class Vgg extends TableFamily<Vgg.Config> {
    /** Marks a max pool in a configuration's list of conv widths. */
    static final int POOL = 0;

    /**
     * @param layers conv output widths in order, {@link #POOL} where a 2×2 max pool sits
     * @param batchNorm whether every conv is followed by batch norm
     */
    public record Config(List<Integer> layers, boolean batchNorm) {}

    private static final List<Integer> A = List.of(64, POOL, 128, POOL, 256, 256, POOL, 512, 512, POOL, 512, 512,
            POOL);
    private static final List<Integer> B = List.of(64, 64, POOL, 128, 128, POOL, 256, 256, POOL, 512, 512, POOL,
            512, 512, POOL);
    private static final List<Integer> D = List.of(64, 64, POOL, 128, 128, POOL, 256, 256, 256, POOL, 512, 512, 512,
            POOL, 512, 512, 512, POOL);
    private static final List<Integer> E = List.of(64, 64, POOL, 128, 128, POOL, 256, 256, 256, 256, POOL, 512, 512,
            512, 512, POOL, 512, 512, 512, 512, POOL);

    private static final Map<String, Config> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("vgg11", new Config(A, false));
        VARIANTS.put("vgg13", new Config(B, false));
        VARIANTS.put("vgg16", new Config(D, false));
        VARIANTS.put("vgg19", new Config(E, false));
        VARIANTS.put("vgg11_bn", new Config(A, true));
        VARIANTS.put("vgg13_bn", new Config(B, true));
        VARIANTS.put("vgg16_bn", new Config(D, true));
        VARIANTS.put("vgg19_bn", new Config(E, true));
    }

    public Vgg() {
        super("vgg", "VGG 11/13/16/19 (Simonyan & Zisserman 2015), plain and with batch norm", VARIANTS);
    }

    @Override
    protected Shape defaultInput(Config config) {
        return Shape.of(3, 224, 224);
    }

    @Override
    protected Value body(Net net, Value x, Config config, ModelOptions options) {
        Sequence features = net.sequence("features");
        Net f = features.net();
        for (int width : config.layers()) {
            if (width == POOL) {
                x = f.maxPool(features.next(), 2).stride(2).apply(x);
                continue;
            }
            x = f.conv(features.next(), width, 3).padding(1).apply(x);
            if (config.batchNorm()) {
                x = f.batchNorm(features.next(), x);
            }
            x = f.relu(features.next(), x);
        }
        x = net.adaptiveAvgPool("avgpool", x, 7, 7);
        x = net.flatten("flatten", x);
        Sequence classifier = net.sequence("classifier");
        Net c = classifier.net();
        for (int i = 0; i < 2; i++) {
            x = c.linear(classifier.next(), x, 4096);
            x = c.relu(classifier.next(), x);
            x = c.dropout(classifier.next(), x, 0.5);
        }
        return c.linear(classifier.next(), x, options.classesOr(1000));
    }
}
