package dev.strix.layers.regularization;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.spi.LayerExample;
import dev.strix.layers.LayerChecks;
import java.util.List;

/** Dropout (p = 0.5): the identity at inference. */
public final class Dropout extends InferenceNoOp {
    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String description() {
        return "dropout with probability p; identity at inference";
    }

    @Override
    void validate(Attributes a) {
        LayerChecks.inRange(a, "p", 0.5, 0, 1);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("p 0.5", Attributes.empty(), Shape.of(2, 10)));
    }
}
