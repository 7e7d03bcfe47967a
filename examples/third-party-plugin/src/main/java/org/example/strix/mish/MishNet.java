package org.example.strix.mish;

import dev.strix.api.Shape;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.ModelOptions;
import java.util.List;
import java.util.Map;

/**
 * {@code mishnet}: a tiny classifier made only of this plugin's own layer types — a 1×1 stem, one 1×1 block, each
 * followed by mish, and a pooled linear head. Variants are rows of {@link #VARIANTS}.
 */
public final class MishNet implements ModelFamily {

    /** One variant: hidden width, default input (C,H,W) and default class count. */
    record Config(int width, Shape input, int classes) {}

    static final Map<String, Config> VARIANTS = Map.of("mishnet_tiny", new Config(8, Shape.of(3, 8, 8), 10));

    @Override
    public String name() {
        return "mishnet";
    }

    @Override
    public String description() {
        return "tiny classifier with mish activations (example third-party plugin)";
    }

    @Override
    public List<String> variants() {
        return List.copyOf(VARIANTS.keySet());
    }

    @Override
    public Graph build(String variant, ModelOptions options, LayerTypes layers) {
        Config c = VARIANTS.get(variant);
        if (c == null) {
            throw new UnknownNameException("mishnet variant", variant, VARIANTS.keySet());
        }
        Shape chw = options.inputOr(c.input());
        GraphBuilder b = new GraphBuilder(layers);
        b.metadata("family", name()).metadata("variant", variant);
        Value x = b.input("input", Shape.of(options.batch(), chw.dim(0), chw.dim(1), chw.dim(2)));
        x = b.layer("mishnet_pointwise", "stem").attr("out_channels", c.width()).apply(x);
        x = b.layer("mish", "stem_act").apply(x);
        GraphBuilder block = b.scope("block");
        x = block.layer("mishnet_pointwise", "conv").attr("out_channels", c.width()).apply(x);
        x = block.layer("mish", "act").apply(x);
        x = b.layer("mishnet_pool_linear", "head").attr("out_features", options.classesOr(c.classes())).apply(x);
        return b.build(x);
    }
}
