package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** x · sigmoid(x) (swish), element-wise. */
public final class Silu extends Elementwise {
    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String description() {
        return "x · sigmoid(x) (swish)";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> (float) (x / (1 + Math.exp(-x)));
    }
}
