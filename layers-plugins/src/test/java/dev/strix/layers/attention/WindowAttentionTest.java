package dev.strix.layers.attention;

import static dev.strix.layers.attention.TestGraphs.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Weights;
import dev.strix.layers.GoldenFile;
import dev.strix.layers.Layers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WindowAttentionTest {
    /** Each golden case also stores torchvision's relative_position_index, loaded here as an integer buffer. */
    @TestFactory
    Stream<DynamicTest> matchesTorchvision() throws URISyntaxException {
        Weights file = Weights.read(Path.of(getClass().getResource("/golden/window_attention.safetensors").toURI()));
        return GoldenFile.read("window_attention").stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Graph g = Layers.graph("window_attention", c.attributes(), c.inputs().get(0).shape());
            IntTensor torchvisionIndex = file.integers().get(c.name() + ".index.relative_position_index");
            Map<String, Tensor> floats = new LinkedHashMap<>();
            c.params().forEach((k, v) -> floats.put(Layers.NODE + "." + k, v));
            Weights w = Weights.of(floats, Map.of(Layers.NODE + ".relative_position_index", torchvisionIndex),
                    Map.of(), "golden " + c.name());
            Tensor y = TestGraphs.run(g, w, c.inputs()).get(0);
            assertThat(Tensors.relativeL2(y, c.outputs().get(0))).as(c.name() + " relative L2 to torchvision")
                    .isLessThanOrEqualTo(c.tolerance());

            ParamSpec spec = g.parameters().get(Layers.NODE + ".relative_position_index");
            assertThat(spec.kind()).isEqualTo(ParamSpec.Kind.INDEX);
            assertThat(spec.shape()).isEqualTo(torchvisionIndex.shape());
            assertThat(spec.index().data()).as("Strix's relative_position_index").containsExactly(
                    torchvisionIndex.data());
        }));
    }

    @Test
    void declaresTorchvisionsParameters() {
        Graph g = Layers.graph("window_attention", attrs(3, 7, 0).build(), Shape.of(1, 14, 14, 96));
        assertThat(g.parameters()).containsOnlyKeys("node.qkv.weight", "node.qkv.bias", "node.proj.weight",
                "node.proj.bias", "node.relative_position_bias_table", "node.relative_position_index");
        assertThat(g.parameters().get("node.relative_position_bias_table").shape()).isEqualTo(Shape.of(169, 3));
        // torchvision's swin_t block 0 has 3·96·96 + 3·96 + 96·96 + 96 + 169·3 trainable parameters.
        assertThat(g.parameterCount()).isEqualTo(4L * 96 * 96 + 4 * 96 + 169 * 3);
    }

    @Test
    void macsCountThePaddedMap() {
        // 10x10 pads to 14x14 with window 7: 196 tokens, 49 per window.
        Graph g = Layers.graph("window_attention", attrs(2, 7, 3).build(), Shape.of(2, 10, 10, 8));
        long tokens = 2 * 14 * 14;
        assertThat(g.macs()).isEqualTo(4 * tokens * 64 + 2 * tokens * 49 * 8);
    }

    @Test
    void rejectsBadConfigurations() {
        rejects("window_attention", attrs(3, 7, 0).build(), Shape.of(1, 7, 7, 8), "num_heads", "3", "8");
        rejects("window_attention", attrs(2, 4, 4).build(), Shape.of(1, 8, 8, 8), "shift_size", "[4, 4]",
                "window_size");
        rejects("window_attention", attrs(2, 0, 0).build(), Shape.of(1, 8, 8, 8), "window_size", "[0, 0]");
        rejects("window_attention", attrs(2, 4, 0).put("shift_size", -1, 1).build(), Shape.of(1, 8, 8, 8),
                "shift_size", "[-1, 1]");
        rejects("window_attention", attrs(2, 4, 0).build(), Shape.of(8, 8, 8), "rank 4", "[8, 8, 8]");
    }

    private static Attributes.Builder attrs(int heads, int window, int shift) {
        return Attributes.builder().put("num_heads", heads).put("window_size", window).put("shift_size", shift);
    }
}
