package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** 1 / (1 + exp(−x)), element-wise. */
public final class Sigmoid extends Elementwise {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "1 / (1 + exp(−x))";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> (float) (1 / (1 + Math.exp(-x)));
    }
}
