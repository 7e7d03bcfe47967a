package dev.strix.layers.regularization;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * A layer that only acts while training and passes its input through at inference. The attributes are still
 * checked so that a model describes a valid training configuration.
 */
abstract class InferenceNoOp implements LayerType {

    /** Checks the attributes, throwing a ShapeException naming a bad one. */
    abstract void validate(Attributes a);

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        validate(a);
        return List.of(x);
    }

    /** Returns the input itself: tensors are treated as read-only, so no copy is needed. */
    @Override
    public List<Tensor> forward(LayerCall call) {
        return List.of(call.input(0));
    }
}
