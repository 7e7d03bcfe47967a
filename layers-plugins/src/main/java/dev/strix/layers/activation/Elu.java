package dev.strix.layers.activation;

import dev.strix.api.Attributes;
import java.util.List;

/** x for x > 0, alpha · (exp(x) − 1) below (alpha = 1). */
public final class Elu extends Elementwise {
    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String description() {
        return "ELU: x, or alpha · (exp(x) − 1) below 0";
    }

    @Override
    public Function function(Attributes attributes) {
        double alpha = attributes.getDouble("alpha", 1.0);
        return x -> x > 0 ? x : (float) (alpha * Math.expm1(x));
    }

    @Override
    protected List<Attributes> exampleAttributes() {
        return List.of(Attributes.empty(), Attributes.builder().put("alpha", 0.5).build());
    }
}
