package dev.strix.layers.resample;

import static dev.strix.layers.attention.TestGraphs.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.graph.Graph;
import dev.strix.layers.GoldenCheck;
import dev.strix.layers.Layers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ConvTranspose2dTest {
    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return GoldenCheck.cases("conv_transpose2d");
    }

    @Test
    void shapeParametersAndMacs() {
        Graph g = Layers.graph("conv_transpose2d", Attributes.builder().put("out_channels", 6)
                .put("kernel_size", 3, 2).put("stride", 2, 3).put("padding", 1, 0).put("output_padding", 1, 2)
                .put("groups", 2).build(), Shape.of(2, 4, 5, 7));
        // H: (5−1)·2 − 2 + 2 + 1 + 1 = 10; W: (7−1)·3 − 0 + 1 + 2 + 1 = 22.
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(2, 6, 10, 22));
        assertThat(g.parameters().get("node.weight").shape()).isEqualTo(Shape.of(4, 3, 3, 2));
        assertThat(g.parameters().get("node.bias").shape()).isEqualTo(Shape.of(6));
        assertThat(g.macs()).isEqualTo(2L * 4 * 5 * 7 * 3 * 3 * 2);
    }

    @Test
    void rejectsBadConfigurations() {
        Shape x = Shape.of(1, 4, 5, 5);
        rejects("conv_transpose2d", conv(3, 3).put("groups", 2).build(), x, "groups", "2", "out_channels", "3");
        rejects("conv_transpose2d", conv(4, 3).put("groups", 3).build(), x, "groups", "3", "input channels 4");
        rejects("conv_transpose2d", conv(4, 3).put("stride", 2).put("output_padding", 2).build(), x,
                "output_padding", "[2, 2]", "stride");
        rejects("conv_transpose2d", conv(4, 1).put("padding", 3).build(), x, "padding", "[3, 3]");
        rejects("conv_transpose2d", conv(4, 0).build(), x, "kernel_size", "[0, 0]");
        rejects("conv_transpose2d", conv(-2, 3).build(), x, "out_channels", "-2");
        rejects("conv_transpose2d", conv(4, 3).put("padding", -1).build(), x, "padding", "-1");
        rejects("conv_transpose2d", conv(4, 3).build(), Shape.of(4, 5, 5), "rank 4", "[4, 5, 5]");
        rejects("conv_transpose2d", Attributes.builder().put("out_channels", 2).build(), x, "kernel_size");
    }

    private static Attributes.Builder conv(int out, int kernel) {
        return Attributes.builder().put("out_channels", out).put("kernel_size", kernel);
    }
}
