package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** min(max(x, 0), 6), element-wise. */
public final class Relu6 extends Elementwise {
    @Override
    public String name() {
        return "relu6";
    }

    @Override
    public String description() {
        return "min(max(x, 0), 6)";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> Math.min(Math.max(x, 0f), 6f);
    }
}
