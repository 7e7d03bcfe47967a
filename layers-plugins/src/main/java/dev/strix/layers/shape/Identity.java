package dev.strix.layers.shape;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/** y = x (torch.nn.Identity). */
public final class Identity implements LayerType {
    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "passes its input through";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        return List.of(LayerChecks.single(inputs));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        return List.of(call.input(0));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("NCHW", Attributes.empty(), Shape.of(2, 3, 4, 4)));
    }
}
