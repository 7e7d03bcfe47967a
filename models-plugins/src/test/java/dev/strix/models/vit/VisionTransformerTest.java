package dev.strix.models.vit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.UnknownNameException;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.WeightBinder;
import org.junit.jupiter.api.Test;

/**
 * The ViT sizes torchvision lacks (DeiT's), the position table following the input, and bad input. Counts of
 * vit_b_16 / vit_l_16 are in ReferenceCountsTest, names in TorchvisionNamesTest, numerics in the equivalence tests.
 */
class VisionTransformerTest {
    private static final Registry REGISTRY = Strix.registry();

    @Test
    void tinyAndSmallHaveDeitsParameterCounts() {
        // Touvron et al. 2021, Table 1: DeiT-Ti 5M, DeiT-S 22M; REFERENCE.md: 5.7M and 22.1M.
        Graph ti = REGISTRY.model("vit_ti_16", ModelOptions.defaults());
        Graph s = REGISTRY.model("vit_s_16", ModelOptions.defaults());
        assertThat(ti.parameterCount()).isEqualTo(5_717_416L);
        assertThat(s.parameterCount()).isEqualTo(22_050_664L);
        assertThat(ti.parameterCount() / 1e6).isCloseTo(5.7, within(5.7 * 0.005));
        assertThat(s.parameterCount() / 1e6).isCloseTo(22.1, within(22.1 * 0.005));
        assertThat(ti.parameters().get("encoder.layers.encoder_layer_11.self_attention.in_proj_weight").shape())
                .isEqualTo(Shape.of(576, 192));
        assertThat(s.parameters().get("encoder.layers.encoder_layer_0.mlp.0.weight").shape())
                .isEqualTo(Shape.of(1536, 384));
    }

    @Test
    void positionTableFollowsTheInputSize() {
        Graph g = REGISTRY.model("vit_b_16", ModelOptions.defaults().withInput(Shape.of(3, 384, 384)));
        // (384/16)² patches plus the class token, as torchvision's image_size=384.
        assertThat(g.parameters().get("encoder.pos_embedding").shape()).isEqualTo(Shape.of(1, 577, 768));
        Graph wide = REGISTRY.model("vit_ti_16", ModelOptions.defaults().withInput(Shape.of(3, 64, 128)));
        assertThat(wide.parameters().get("encoder.pos_embedding").shape()).isEqualTo(Shape.of(1, 33, 192));
        assertThat(wide.parameterCount()).isEqualTo(5_717_416L - (197 - 33) * 192);
    }

    @Test
    void theClassTokensOutputFeedsTheHead() {
        Graph g = REGISTRY.model("vit_b_16", ModelOptions.defaults().withBatch(2).withClasses(7));
        assertThat(g.node("encoder.ln").outputShapes().get(0)).isEqualTo(Shape.of(2, 197, 768));
        assertThat(g.node("class_token_out").outputShapes().get(0)).isEqualTo(Shape.of(2, 1, 768));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(2, 7));
        assertThat(g.parameters().get("heads.head.weight").shape()).isEqualTo(Shape.of(7, 768));
        assertThat(g.parameters().get("class_token").shape()).isEqualTo(Shape.of(1, 1, 768));
    }

    @Test
    void anInputThatIsNotWholePatchesFailsAtThePatchEmbedding() {
        assertThatThrownBy(() -> REGISTRY.model("vit_b_16", ModelOptions.defaults().withInput(Shape.of(3, 225, 224))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("'conv_proj'");
    }

    @Test
    void weightsOfAnotherVariantFailListingTheMismatchedShapes() {
        Graph tiny = REGISTRY.model("vit_ti_16", ModelOptions.defaults());
        Graph small = REGISTRY.model("vit_s_16", ModelOptions.defaults());
        assertThatThrownBy(() -> WeightBinder.bind(small, Initializers.initialize(tiny, 1)))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("class_token: expected shape [1, 1, 384], found [1, 1, 192]");
    }

    @Test
    void anUnknownVariantListsTheKnownOnes() {
        assertThatThrownBy(() -> new VisionTransformer().build("vit_h_14", ModelOptions.defaults(), REGISTRY))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("vit_h_14").hasMessageContaining("known: vit_b_16, vit_l_16, vit_s_16, vit_ti_16");
    }
}
