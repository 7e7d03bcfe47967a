package dev.strix.layers;

import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
import dev.strix.layers.attention.ClassToken;
import dev.strix.layers.attention.LayerScale;
import dev.strix.layers.attention.MultiHeadAttention;
import dev.strix.layers.attention.PatchEmbedding;
import dev.strix.layers.attention.PositionEmbedding;
import dev.strix.layers.attention.WindowAttention;
import dev.strix.layers.block.SqueezeExcitation;
import dev.strix.layers.resample.ConvTranspose2d;
import dev.strix.layers.resample.Upsample;
import java.util.Collection;
import java.util.List;

/**
 * Contributes the transformer, attention, resampling and composite block layer types (see LAYERS.md).
 */
public final class AttentionLayersPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-attention-layers";
    }

    @Override
    public Collection<LayerType> layerTypes() {
        return List.of(new ConvTranspose2d(), new Upsample(), new PatchEmbedding(), new ClassToken(),
                new PositionEmbedding(), new LayerScale(), new MultiHeadAttention(), new WindowAttention(),
                new SqueezeExcitation());
    }
}
