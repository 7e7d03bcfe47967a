package dev.strix.layers.regularization;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Dropout configurations that must fail when the graph is built, although they do nothing at inference. */
class RegularizationBadInputTest {
    private static final Shape[] X = shapes(Shape.of(2, 3));

    @Test
    void probabilityOutsideZeroOne() {
        rejected("dropout", Attributes.builder().put("p", 1.5).build(), X, "'p'", "1.5");
        rejected("stochastic_depth", Attributes.builder().put("p", -0.1).build(), X, "'p'", "-0.1");
    }

    @Test
    void unknownMode() {
        rejected("stochastic_depth", Attributes.builder().put("mode", "column").build(), X, "'mode'", "'column'");
    }
}
