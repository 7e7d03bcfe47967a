package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** max(x, 0), element-wise. */
public final class Relu extends Elementwise {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "max(x, 0)";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> Math.max(x, 0f);
    }
}
