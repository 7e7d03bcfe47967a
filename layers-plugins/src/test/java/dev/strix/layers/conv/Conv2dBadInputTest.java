package dev.strix.layers.conv;

import static dev.strix.layers.BadInput.rejected;
import static dev.strix.layers.BadInput.shapes;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import org.junit.jupiter.api.Test;

/** conv2d configurations that must fail when the graph is built, naming the attribute and value. */
class Conv2dBadInputTest {
    private static final Shape[] X = shapes(Shape.of(1, 4, 8, 8));

    private static Attributes.Builder conv() {
        return Attributes.builder().put("out_channels", 6).put("kernel_size", 3);
    }

    @Test
    void wrongRank() {
        rejected("conv2d", conv().build(), shapes(Shape.of(4, 8, 8)), "rank 4", "[4, 8, 8]");
    }

    @Test
    void groupsMustDivideChannels() {
        rejected("conv2d", conv().put("groups", 3).build(), X, "'groups' = 3", "input channels 4");
        rejected("conv2d", conv().put("out_channels", 5).put("groups", 2).build(), X, "'groups' = 2",
                "'out_channels' = 5");
    }

    @Test
    void kernelLargerThanPaddedInput() {
        rejected("conv2d", conv().put("kernel_size", 9).build(), X, "'kernel_size' 9", "padded input height 8");
        rejected("conv2d", conv().put("dilation", 5).put("padding", 1).build(), X, "'kernel_size' 3",
                "dilated to 11", "10");
    }

    @Test
    void zeroOrNegativeSizes() {
        rejected("conv2d", conv().put("kernel_size", 0).build(), X, "'kernel_size'", "[0, 0]");
        rejected("conv2d", conv().put("out_channels", 0).build(), X, "'out_channels'", "0");
        rejected("conv2d", conv().put("stride", 2, 0).build(), X, "'stride'", "[2, 0]");
        rejected("conv2d", conv().put("padding", 1, -1).build(), X, "'padding'", "[1, -1]");
        rejected("conv2d", conv().put("groups", -2).build(), X, "'groups'", "-2");
    }

    @Test
    void paddingForms() {
        rejected("conv2d", conv().put("padding", 1, 1, 1).build(), X, "'padding'", "[1, 1, 1]");
        rejected("conv2d", conv().put("padding_mode", "full").build(), X, "'padding_mode'", "'full'");
        rejected("conv2d", conv().put("padding_mode", "same").put("stride", 2).build(), X, "'same'",
                "'stride' = [2, 2]");
        rejected("conv2d", conv().put("padding_mode", "valid").put("padding", 1).build(), X, "'padding'", "'valid'");
    }

    @Test
    void missingRequiredAttribute() {
        rejected("conv2d", Attributes.builder().put("kernel_size", 3).build(), X, "'out_channels'", "missing");
    }
}
