package org.example.strix.mish;

import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/**
 * The plugin's one entry point, listed in {@code META-INF/services/dev.strix.api.spi.Plugin}: with this jar on the
 * class path, {@code Strix.registry()} offers the {@code mish} layer type and the {@code mishnet_tiny} model.
 */
public final class MishPlugin implements Plugin {
    @Override
    public String name() {
        return "example-mish";
    }

    @Override
    public Collection<LayerType> layerTypes() {
        return List.of(new MishLayer(), new PointwiseConvLayer(), new PoolLinearLayer());
    }

    @Override
    public Collection<ModelFamily> modelFamilies() {
        return List.of(new MishNet());
    }
}
