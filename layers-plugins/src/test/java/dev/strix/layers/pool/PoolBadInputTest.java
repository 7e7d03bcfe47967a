package dev.strix.layers.pool;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** Pooling configurations that must fail when the graph is built. */
class PoolBadInputTest {
    private static final Shape[] X = shapes(Shape.of(1, 2, 5, 5));

    @Test
    void kernelLargerThanPaddedInput() {
        rejected("max_pool2d", Attributes.builder().put("kernel_size", 6).build(), X, "'kernel_size' 6",
                "padded input height 5");
        rejected("avg_pool2d", Attributes.builder().put("kernel_size", 8).put("padding", 1).build(), X,
                "'kernel_size' 8", "7");
    }

    @Test
    void paddingAtMostHalfTheKernel() {
        rejected("max_pool2d", Attributes.builder().put("kernel_size", 3).put("padding", 2).build(), X,
                "'padding' [2, 2]", "half of 'kernel_size' [3, 3]");
    }

    @Test
    void nonPositiveSizes() {
        rejected("max_pool2d", Attributes.builder().put("kernel_size", 2).put("stride", 0).build(), X, "'stride'",
                "[0, 0]");
        rejected("adaptive_avg_pool2d", Attributes.builder().put("output_size", 3, 0).build(), X, "'output_size'",
                "[3, 0]");
        rejected("avg_pool2d", Attributes.builder().put("kernel_size", -1).build(), X, "'kernel_size'", "[-1, -1]");
    }

    @Test
    void avgPoolHasNoDilation() {
        rejected("avg_pool2d", Attributes.builder().put("kernel_size", 2).put("dilation", 2).build(), X,
                "'dilation'");
    }

    @Test
    void wrongRank() {
        rejected("global_avg_pool", Attributes.empty(), shapes(Shape.of(2, 8)), "rank 4", "[2, 8]");
        rejected("global_max_pool", Attributes.empty(), shapes(Shape.of(2, 8, 3)), "rank 4", "[2, 8, 3]");
        rejected("max_pool2d", Attributes.builder().put("kernel_size", 2).build(), shapes(Shape.of(2, 5, 5)),
                "rank 4");
    }
}
