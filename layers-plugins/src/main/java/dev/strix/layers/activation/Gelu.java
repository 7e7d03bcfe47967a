package dev.strix.layers.activation;

import dev.strix.api.Attributes;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * GELU (torch.nn.GELU): x · Φ(x) with the exact normal CDF, or with approximate = "tanh" PyTorch's
 * 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))).
 */
public final class Gelu extends Elementwise {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String description() {
        return "GELU, exact (erf) or tanh approximation";
    }

    @Override
    public Function function(Attributes attributes) {
        String approximate = LayerChecks.oneOf(attributes, "approximate", "none", "none", "tanh");
        if (approximate.equals("tanh")) {
            return x -> (float) (0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))));
        }
        return x -> (float) (0.5 * x * (1 + Erf.erf(x * SQRT_HALF)));
    }

    @Override
    protected List<Attributes> exampleAttributes() {
        return List.of(Attributes.empty(), Attributes.builder().put("approximate", "tanh").build());
    }
}
