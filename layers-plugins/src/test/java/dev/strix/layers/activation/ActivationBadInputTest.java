package dev.strix.layers.activation;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Activation configurations that must fail when the graph is built. */
class ActivationBadInputTest {
    private static final Shape[] X = shapes(Shape.of(2, 3, 4));

    @Test
    void unknownGeluApproximation() {
        rejected("gelu", Attributes.builder().put("approximate", "sigmoid").build(), X, "'approximate'",
                "'sigmoid'");
    }

    @Test
    void softmaxAxisOutOfRange() {
        rejected("softmax", Attributes.builder().put("axis", 3).build(), X, "'axis' = 3", "rank 3");
        rejected("log_softmax", Attributes.builder().put("axis", -4).build(), X, "'axis' = -4", "rank 3");
    }

    @Test
    void oneInputOnly() {
        rejected("relu", Attributes.empty(), shapes(Shape.of(2), Shape.of(2)), "takes 1 input", "got 2");
    }

    @Test
    void wrongAttributeType() {
        rejected("leaky_relu", Attributes.builder().put("negative_slope", "steep").build(), X, "'negative_slope'",
                "steep");
    }
}
