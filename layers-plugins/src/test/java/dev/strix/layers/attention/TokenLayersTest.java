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

/** patch_embedding, class_token, position_embedding and layer_scale. */
class TokenLayersTest {
    @TestFactory
    Stream<DynamicTest> matchPyTorch() {
        return Stream.of("patch_embedding", "class_token", "position_embedding", "layer_scale")
                .flatMap(GoldenCheck::cases);
    }

    @Test
    void patchEmbeddingMakesVitB16Tokens() {
        Graph g = Layers.graph("patch_embedding",
                Attributes.builder().put("embed_dim", 768).put("patch_size", 16).build(), Shape.of(2, 3, 224, 224));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(2, 196, 768));
        assertThat(g.parameters().get("node.weight").shape()).isEqualTo(Shape.of(768, 3, 16, 16));
        assertThat(g.macs()).isEqualTo(2L * 196 * 768 * 3 * 16 * 16);
    }

    @Test
    void tokenParametersTakeTheirConfiguredNames() {
        Shape x = Shape.of(1, 196, 768);
        Graph cls = Layers.graph("class_token", Attributes.empty(), x);
        assertThat(cls.outputs().get(0).shape()).isEqualTo(Shape.of(1, 197, 768));
        assertThat(cls.parameters().get("node.class_token").shape()).isEqualTo(Shape.of(1, 1, 768));
        Graph pos = Layers.graph("position_embedding",
                Attributes.builder().put("param_name", "pos_embed").build(), x);
        assertThat(pos.parameters()).containsOnlyKeys("node.pos_embed");
        assertThat(pos.parameters().get("node.pos_embed").shape()).isEqualTo(Shape.of(1, 196, 768));
    }

    @Test
    void layerScaleParameterShapes() {
        assertThat(Layers.graph("layer_scale", Attributes.builder().put("axis", 1).build(),
                Shape.of(1, 96, 56, 56)).parameters().get("node.gamma").shape()).isEqualTo(Shape.of(96, 1, 1));
        assertThat(Layers.graph("layer_scale", Attributes.empty(), Shape.of(1, 56, 56, 96)).parameters()
                .get("node.gamma").shape()).isEqualTo(Shape.of(96));
    }

    @Test
    void rejectsBadConfigurations() {
        rejects("patch_embedding", Attributes.builder().put("embed_dim", 8).put("patch_size", 5).build(),
                Shape.of(1, 3, 10, 12), "patch_size", "5", "width 12");
        rejects("patch_embedding", Attributes.builder().put("embed_dim", 0).put("patch_size", 2).build(),
                Shape.of(1, 3, 4, 4), "embed_dim", "0");
        rejects("patch_embedding", Attributes.builder().put("embed_dim", 4).put("patch_size", 2).build(),
                Shape.of(3, 4, 4), "rank 4", "[3, 4, 4]");
        rejects("class_token", Attributes.builder().put("param_name", "").build(), Shape.of(1, 2, 3),
                "param_name");
        rejects("position_embedding", Attributes.empty(), Shape.of(2, 3), "rank 3", "[2, 3]");
        rejects("layer_scale", Attributes.builder().put("axis", 4).build(), Shape.of(1, 2, 3, 4), "axis", "4");
        rejects("layer_scale", Attributes.builder().put("param_shape", 4, 1).build(), Shape.of(1, 2, 4),
                "param_shape", "[4, 1]");
    }
}
