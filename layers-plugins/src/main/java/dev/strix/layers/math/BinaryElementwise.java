package dev.strix.layers.math;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/** A two-input element-wise operation with NumPy broadcasting. */
abstract class BinaryElementwise implements LayerType {

    abstract Broadcast.Op op();

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        LayerChecks.count(inputs, 2);
        return List.of(Broadcast.shape(inputs.get(0), inputs.get(1), "input 0", "input 1"));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor y = call.newOutput(0);
        Broadcast.apply(call.input(0), call.input(1), y, op());
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("same shape", Attributes.empty(), Shape.of(2, 3, 4, 4), Shape.of(2, 3, 4, 4)),
                LayerExample.of("per-channel scale", Attributes.empty(), Shape.of(2, 3, 4, 4), Shape.of(2, 3, 1, 1)),
                LayerExample.of("both stretched", Attributes.empty(), Shape.of(3, 1, 5), Shape.of(4, 1)),
                LayerExample.of("lower rank", Attributes.empty(), Shape.of(2, 6, 5), Shape.of(5)));
    }
}
