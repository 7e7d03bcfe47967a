package dev.strix.layers.attention;

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

class MultiHeadAttentionTest {
    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return GoldenCheck.cases("multi_head_attention");
    }

    @Test
    void parameterNamesFollowTheLayout() {
        Shape x = Shape.of(1, 4, 6);
        assertThat(Layers.graph("multi_head_attention", heads(2).build(), x).parameters())
                .containsOnlyKeys("node.in_proj_weight", "node.in_proj_bias", "node.out_proj.weight",
                        "node.out_proj.bias");
        Graph timm = Layers.graph("multi_head_attention", heads(2).put("layout", "timm").build(), x);
        assertThat(timm.parameters()).containsOnlyKeys("node.qkv.weight", "node.qkv.bias", "node.proj.weight",
                "node.proj.bias");
        assertThat(timm.parameters().get("node.qkv.weight").shape()).isEqualTo(Shape.of(18, 6));
        Graph separate = Layers.graph("multi_head_attention",
                heads(3).put("layout", "separate").put("bias", false).build(), x);
        assertThat(separate.parameters()).containsOnlyKeys("node.q.weight", "node.k.weight", "node.v.weight",
                "node.proj.weight");
        assertThat(separate.parameterCount()).isEqualTo(4 * 36);
    }

    @Test
    void macsCountProjectionsAndBothAttentionProducts() {
        Graph g = Layers.graph("multi_head_attention", heads(12).build(), Shape.of(2, 197, 768));
        assertThat(g.macs()).isEqualTo(4L * 2 * 197 * 768 * 768 + 2L * 2 * 197 * 197 * 768);
    }

    @Test
    void rejectsBadConfigurations() {
        rejects("multi_head_attention", heads(5).build(), Shape.of(1, 4, 8), "num_heads", "5", "8");
        rejects("multi_head_attention", heads(0).build(), Shape.of(1, 4, 8), "num_heads", "0");
        rejects("multi_head_attention", heads(2).build(), Shape.of(4, 8), "rank 3", "[4, 8]");
        rejects("multi_head_attention", heads(2).put("layout", "keras").build(), Shape.of(1, 4, 8), "layout",
                "keras");
        rejects("multi_head_attention", Attributes.empty(), Shape.of(1, 4, 8), "num_heads", "missing");
    }

    private static Attributes.Builder heads(int heads) {
        return Attributes.builder().put("num_heads", heads);
    }
}
