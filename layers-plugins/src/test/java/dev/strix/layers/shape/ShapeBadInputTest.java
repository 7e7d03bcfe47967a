package dev.strix.layers.shape;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Shape and data-movement configurations that must fail when the graph is built. */
class ShapeBadInputTest {
    private static final Shape[] X = shapes(Shape.of(2, 3, 4, 5));

    private static Attributes.Builder a() {
        return Attributes.builder();
    }

    @Test
    void pad() {
        rejected("pad", a().put("pads", 1, 1, 1).build(), X, "'pads'", "[1, 1, 1]");
        rejected("pad", a().put("pads", 0, -1, 0, 0).build(), X, "'pads'", "[0, -1, 0, 0]");
        rejected("pad", a().put("pads", 4, 0, 0, 0).put("mode", "reflect").build(), X, "'pads' [4, 0, 0, 0]",
                "'reflect'", "height 4");
        rejected("pad", a().put("pads", 1, 1, 1, 1).put("mode", "wrap").build(), X, "'mode'", "'wrap'");
        rejected("pad", a().put("pads", 1, 1, 1, 1).build(), shapes(Shape.of(5)), "rank at least 2", "[5]");
    }

    @Test
    void flattenAndReshape() {
        rejected("flatten", a().put("start_dim", 3).put("end_dim", 1).build(), X, "'start_dim' = 3",
                "'end_dim' = 1");
        rejected("flatten", a().put("start_dim", 4).build(), X, "'start_dim' = 4", "rank 4");
        rejected("reshape", a().put("shape", -1, -1).build(), X, "'shape' [-1, -1]", "more than one -1");
        rejected("reshape", a().put("shape", 0, 7, -1).build(), X, "'shape' [0, 7, -1]", "120 elements");
        rejected("reshape", a().put("shape", 0, 0, 0, 0, 0).build(), X, "'shape' [0, 0, 0, 0, 0]", "dim 4");
        rejected("reshape", a().put("shape", 2, 60).put("shape", 2, 3, 3).build(), X, "'shape' [2, 3, 3]", "120");
        rejected("reshape", a().put("shape", 2, -3, 20).build(), X, "'shape' [2, -3, 20]", "-3");
    }

    @Test
    void permute() {
        rejected("permute", a().put("dims", 0, 1, 1, 2).build(), X, "'dims' [0, 1, 1, 2]", "not a permutation");
        rejected("permute", a().put("dims", 0, 2, 1).build(), X, "'dims' [0, 2, 1]", "all 4 dims");
        rejected("permute", a().put("dims", 0, 1, 2, 4).build(), X, "'dims' = 4", "rank 4");
    }

    @Test
    void concatAndSplit() {
        rejected("concat", Attributes.empty(), shapes(Shape.of(2, 3, 4, 4), Shape.of(2, 3, 5, 4)), "input 1",
                "[2, 3, 5, 4]", "'axis' = 1");
        rejected("concat", a().put("axis", 4).build(), X, "'axis' = 4", "rank 4");
        rejected("split", a().put("sizes", 1, 1).build(), X, "'sizes' [1, 1]", "dim 3");
        rejected("split", a().put("sizes", 3, 0).build(), X, "'sizes'", "[3, 0]");
    }

    @Test
    void sliceIsNeverClamped() {
        rejected("slice", a().put("axis", 1).put("start", 0).put("end", 4).build(), X, "'end' = 4", "dim 3");
        rejected("slice", a().put("axis", 1).put("start", -4).put("end", 2).build(), X, "'start' = -4", "dim 3");
        rejected("slice", a().put("axis", 1).put("start", 2).put("end", 2).build(), X, "'end' = 2",
                "'start' = 2");
        rejected("slice", a().put("axis", 1).put("start", 0).put("end", 2).put("step", 0).build(), X, "'step'",
                "0");
        rejected("slice", a().put("axis", -5).put("start", 0).put("end", 1).build(), X, "'axis' = -5");
    }
}
