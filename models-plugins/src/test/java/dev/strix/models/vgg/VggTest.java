package dev.strix.models.vgg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class VggTest {

    @Test
    void belowThirtyTwoPixelsTheLastPoolCollapsesAndIsNamed() {
        ModelOptions small = ModelOptions.defaults().withInput(Shape.of(3, 31, 31));
        // 31 → 15 → 7 → 3 → 1 → nothing: vgg11's fifth pool is features.20, vgg16_bn's is features.43.
        assertThatThrownBy(() -> Strix.registry().model("vgg11", small))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("node 'features.20' (max_pool2d)");
        assertThatThrownBy(() -> Strix.registry().model("vgg16_bn", small))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("node 'features.43' (max_pool2d)");
    }

    @Test
    void thirtyTwoPixelsIsTheSmallestInput() {
        Graph g = Strix.registry().model("vgg19", ModelOptions.defaults().withInput(Shape.of(3, 32, 32)));
        assertThat(g.node("features.36").outputShapes().get(0).toArray()).containsExactly(1, 512, 1, 1);
        assertThat(g.node("avgpool").outputShapes().get(0).toArray()).containsExactly(1, 512, 7, 7);
        assertThat(g.parameterCount()).isEqualTo(143_667_240L);
    }

    @Test
    void batchNormFormsPutBatchNormBetweenConvAndRelu() {
        Graph g = Strix.registry().model("vgg11_bn", ModelOptions.defaults());
        assertThat(g.node("features.0").type().name()).isEqualTo("conv2d");
        assertThat(g.node("features.1").type().name()).isEqualTo("batch_norm");
        assertThat(g.node("features.2").type().name()).isEqualTo("relu");
        assertThat(g.node("features.3").type().name()).isEqualTo("max_pool2d");
    }
}
