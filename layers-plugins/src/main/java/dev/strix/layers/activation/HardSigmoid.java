package dev.strix.layers.activation;

import dev.strix.api.Attributes;

/** relu6(x + 3) / 6 (torch.nn.Hardsigmoid), element-wise. */
public final class HardSigmoid extends Elementwise {
    @Override
    public String name() {
        return "hard_sigmoid";
    }

    @Override
    public String description() {
        return "relu6(x + 3) / 6 (torch.nn.Hardsigmoid)";
    }

    @Override
    public Function function(Attributes attributes) {
        return x -> HardSigmoid.gate(x);
    }

    /** relu6(x + 3) / 6, with the clamps written as PyTorch does so that ±3 land exactly on 0 and 1. */
    static float gate(float x) {
        if (x <= -3f) {
            return 0f;
        }
        return x >= 3f ? 1f : x / 6f + 0.5f;
    }
}
