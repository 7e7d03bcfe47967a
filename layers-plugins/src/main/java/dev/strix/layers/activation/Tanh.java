package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** hyperbolic tangent, element-wise. */
public final class Tanh extends Elementwise {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "hyperbolic tangent";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> (float) Math.tanh(x);
    }
}
