package dev.strix.layers.norm;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Normalisation configurations that must fail when the graph is built. */
class NormBadInputTest {
    private static final Shape[] X = shapes(Shape.of(2, 6, 4, 4));

    @Test
    void batchNorm() {
        rejected("batch_norm", Attributes.empty(), shapes(Shape.of(6)), "rank at least 2", "[6]");
        rejected("batch_norm", Attributes.builder().put("eps", -1e-5).build(), X, "'eps'", "-1.0E-5");
    }

    @Test
    void layerNorm() {
        rejected("layer_norm", Attributes.builder().put("normalized_shape", 5).build(), X, "'normalized_shape' [5]",
                "[2, 6, 4, 4]");
        rejected("layer_norm", Attributes.builder().put("normalized_shape", 6, 4, 4, 2, 1).build(), X,
                "'normalized_shape' [6, 4, 4, 2, 1]");
        rejected("layer_norm", Attributes.builder().put("channels_first", true).put("normalized_shape", 4).build(),
                X, "'normalized_shape' [4]", "[6]");
        rejected("layer_norm", Attributes.builder().put("normalized_shape", 0).build(), X, "'normalized_shape'",
                "[0]");
    }

    @Test
    void groupNorm() {
        rejected("group_norm", Attributes.builder().put("num_groups", 4).build(), X, "'num_groups' = 4",
                "input channels 6");
        rejected("group_norm", Attributes.builder().put("num_groups", 0).build(), X, "'num_groups'", "0");
    }

    @Test
    void localResponseNorm() {
        rejected("local_response_norm", Attributes.builder().put("size", 0).build(), X, "'size'", "0");
        rejected("local_response_norm", Attributes.builder().put("size", 3).build(), shapes(Shape.of(2, 6)),
                "rank at least 3", "[2, 6]");
    }
}
