package dev.strix.layers.regularization;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.spi.LayerExample;
import dev.strix.layers.LayerChecks;
import java.util.List;

/** Stochastic depth (torchvision.ops.StochasticDepth; p = 0, mode "row" or "batch"): the identity at inference. */
public final class StochasticDepth extends InferenceNoOp {
    @Override
    public String name() {
        return "stochastic_depth";
    }

    @Override
    public String description() {
        return "stochastic depth (drop path), p and mode row|batch; identity at inference";
    }

    @Override
    void validate(Attributes a) {
        LayerChecks.inRange(a, "p", 0, 0, 1);
        LayerChecks.oneOf(a, "mode", "row", "row", "batch");
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("row p 0.1", Attributes.builder().put("p", 0.1).build(), Shape.of(2, 3, 4, 4)));
    }
}
