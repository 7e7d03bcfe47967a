package dev.strix.layers.resample;

import static dev.strix.layers.attention.TestGraphs.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Weights;
import dev.strix.layers.GoldenCheck;
import dev.strix.layers.Layers;
import dev.strix.layers.attention.TestGraphs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UpsampleTest {
    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return GoldenCheck.cases("upsample");
    }

    @Test
    void bilinearAlignCornersKeepsTheCornersAndInterpolatesBetween() {
        Graph g = Layers.graph("upsample", Attributes.builder().put("mode", "bilinear")
                .put("align_corners", true).put("size", 1, 5).build(), Shape.of(1, 1, 1, 3));
        Tensor y = TestGraphs.run(g, Weights.empty(), List.of(Tensor.of(new float[] {0, 4, 8}, 1, 1, 1, 3)))
                .get(0);
        assertThat(y.data()).containsExactly(0, 2, 4, 6, 8);
    }

    @Test
    void nearestRepeatsPixels() {
        Graph g = Layers.graph("upsample", Attributes.builder().put("scale_factor", 2.0).build(),
                Shape.of(1, 1, 1, 2));
        Tensor y = TestGraphs.run(g, Weights.empty(), List.of(Tensor.of(new float[] {1, 2}, 1, 1, 1, 2))).get(0);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 4));
        assertThat(y.data()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2);
    }

    @Test
    void rejectsBadConfigurations() {
        Shape x = Shape.of(1, 2, 4, 4);
        rejects("upsample", Attributes.empty(), x, "size", "scale_factor", "neither");
        rejects("upsample", Attributes.builder().put("size", 8, 8).put("scale_factor", 2.0).build(), x, "both");
        rejects("upsample", Attributes.builder().put("scale_factor", 0.1).build(), x, "scale_factor", "0.1");
        rejects("upsample", Attributes.builder().put("scale_factor", -2.0).build(), x, "scale_factor", "-2.0");
        rejects("upsample", Attributes.builder().put("size", 0, 3).build(), x, "size", "[0, 3]");
        rejects("upsample", Attributes.builder().put("mode", "bicubic").put("size", 8, 8).build(), x, "mode",
                "bicubic");
        rejects("upsample", Attributes.builder().put("align_corners", true).put("size", 8, 8).build(), x,
                "align_corners", "nearest");
        rejects("upsample", Attributes.builder().put("size", 8, 8).build(), Shape.of(2, 4, 4), "rank 4");
    }
}
