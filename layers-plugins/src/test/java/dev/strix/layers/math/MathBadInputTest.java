package dev.strix.layers.math;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Arithmetic configurations that must fail when the graph is built. */
class MathBadInputTest {

    @Test
    void shapesThatDoNotBroadcast() {
        rejected("add", Attributes.empty(), shapes(Shape.of(2, 3, 4), Shape.of(2, 4)), "[2, 3, 4]", "[2, 4]",
                "dimension -2 is 3 vs 2");
        rejected("mul", Attributes.empty(), shapes(Shape.of(2, 3)), "takes 2 inputs");
    }

    @Test
    void matmul() {
        rejected("matmul", Attributes.empty(), shapes(Shape.of(2, 3, 4), Shape.of(2, 5, 6)), "K = 4", "K = 5");
        rejected("matmul", Attributes.builder().put("transpose_b", true).build(),
                shapes(Shape.of(3, 4), Shape.of(4, 5)), "K = 5", "transpose_b = true");
        rejected("matmul", Attributes.empty(), shapes(Shape.of(4), Shape.of(4, 5)), "rank at least 2", "[4]");
        rejected("matmul", Attributes.empty(), shapes(Shape.of(2, 3, 4), Shape.of(3, 4, 5)), "batch dims",
                "2 vs 3");
    }

    @Test
    void linear() {
        rejected("linear", Attributes.builder().put("out_features", 0).build(), shapes(Shape.of(2, 8)),
                "'out_features'", "0");
        rejected("linear", Attributes.empty(), shapes(Shape.of(2, 8)), "'out_features'", "missing");
    }
}
