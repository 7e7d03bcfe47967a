package dev.strix.layers.activation;

import dev.strix.api.Attributes;
import java.util.List;

/** x for x ≥ 0, negative_slope · x below (negative_slope = 0.01). */
public final class LeakyRelu extends Elementwise {
    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String description() {
        return "leaky ReLU: x, or negative_slope · x below 0";
    }

    @Override
    public Function function(Attributes attributes) {
        float slope = attributes.getFloat("negative_slope", 0.01f);
        return x -> x > 0 ? x : x * slope;
    }

    @Override
    protected List<Attributes> exampleAttributes() {
        return List.of(Attributes.empty(), Attributes.builder().put("negative_slope", 0.2).build());
    }
}
