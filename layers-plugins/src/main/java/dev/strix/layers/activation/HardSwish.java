package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** x · relu6(x + 3) / 6 (torch.nn.Hardswish), element-wise. */
public final class HardSwish extends Elementwise {
    @Override
    public String name() {
        return "hard_swish";
    }

    @Override
    public String description() {
        return "x · relu6(x + 3) / 6 (torch.nn.Hardswish)";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> x * HardSigmoid.gate(x);
    }
}
