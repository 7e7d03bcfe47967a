package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.graph.Node;
import dev.strix.api.spi.ParamSpec;
import org.junit.jupiter.api.Test;

/** Output shapes, parameter shapes and MAC counts of hand-worked configurations. */
class ShapesAndMacsTest {

    private static Attributes.Builder attrs() {
        return Attributes.builder();
    }

    @Test
    void resnetStemConvolution() {
        // 224 + 2·3 − 7 = 223, /2 = 111, + 1 = 112; MACs = 64·112·112·3·7·7.
        Node n = Layers.node("conv2d", attrs().put("out_channels", 64).put("kernel_size", 7).put("stride", 2)
                .put("padding", 3).put("bias", false).build(), Shape.of(1, 3, 224, 224));
        assertThat(n.outputShapes()).containsExactly(Shape.of(1, 64, 112, 112));
        assertThat(n.macs()).isEqualTo(64L * 112 * 112 * 3 * 7 * 7);
        assertThat(n.params()).extracting(ParamSpec::name).containsExactly("weight");
        assertThat(n.params().get(0).shape()).isEqualTo(Shape.of(64, 3, 7, 7));
    }

    @Test
    void groupedDilatedAsymmetricConvolution() {
        // H: 10 + 1 + 2 − (2·2 + 1) = 8, /3 → 2, + 1 = 3; W: 9 + 0 + 1 − 5 = 5, /3 → 1, + 1 = 2.
        Node n = Layers.node("conv2d", attrs().put("out_channels", 6).put("kernel_size", 3).put("stride", 3)
                .put("dilation", 2).put("groups", 2).put("padding", 1, 0, 2, 1).build(), Shape.of(2, 4, 10, 9));
        assertThat(n.outputShapes()).containsExactly(Shape.of(2, 6, 3, 2));
        assertThat(n.macs()).isEqualTo(2L * 6 * 3 * 2 * 2 * 3 * 3);
        assertThat(n.params()).extracting(ParamSpec::shape).containsExactly(Shape.of(6, 2, 3, 3), Shape.of(6));
    }

    @Test
    void samePaddingKeepsTheSizeWithAnEvenKernel() {
        Node n = Layers.node("conv2d", attrs().put("out_channels", 2).put("kernel_size", 4)
                .put("padding_mode", "same").build(), Shape.of(1, 3, 5, 6));
        assertThat(n.outputShapes()).containsExactly(Shape.of(1, 2, 5, 6));
    }

    @Test
    void poolingCeilModeDropsAWindowStartingInTheRightPadding() {
        // AlexNet/GoogLeNet style: 3x3 stride 2 ceil on 56 → ceil(53/2) + 1 = 28.
        assertThat(Layers.node("max_pool2d", attrs().put("kernel_size", 3).put("stride", 2).put("ceil_mode", true)
                .build(), Shape.of(1, 1, 56, 56)).outputShapes()).containsExactly(Shape.of(1, 1, 28, 28));
        // 5 + 2 − 2 = 5 → ceil(5/2) + 1 = 4, but window 3 would start at 6 ≥ 5 + 1, so 3.
        assertThat(Layers.node("avg_pool2d", attrs().put("kernel_size", 2).put("stride", 2).put("padding", 1)
                .put("ceil_mode", true).build(), Shape.of(1, 1, 5, 5)).outputShapes())
                .containsExactly(Shape.of(1, 1, 3, 3));
        assertThat(Layers.node("max_pool2d", attrs().put("kernel_size", 2).build(), Shape.of(1, 1, 5, 5)).macs())
                .isZero();
    }

    @Test
    void linearOverTokens() {
        Node n = Layers.node("linear", attrs().put("out_features", 10).build(), Shape.of(2, 7, 16));
        assertThat(n.outputShapes()).containsExactly(Shape.of(2, 7, 10));
        assertThat(n.macs()).isEqualTo(2L * 7 * 16 * 10);
        assertThat(n.params()).extracting(ParamSpec::shape).containsExactly(Shape.of(10, 16), Shape.of(10));
    }

    @Test
    void batchNormOwnsTwoWeightsAndTwoBuffers() {
        Node n = Layers.node("batch_norm", Attributes.empty(), Shape.of(2, 5, 3, 3));
        assertThat(n.params()).extracting(ParamSpec::name)
                .containsExactly("weight", "bias", "running_mean", "running_var");
        assertThat(n.params()).extracting(ParamSpec::kind).containsExactly(ParamSpec.Kind.WEIGHT,
                ParamSpec.Kind.WEIGHT, ParamSpec.Kind.BUFFER, ParamSpec.Kind.BUFFER);
        assertThat(n.trainableParameterCount()).isEqualTo(10);
    }

    @Test
    void flattenConcatAndBroadcast() {
        assertThat(Layers.node("flatten", Attributes.empty(), Shape.of(2, 512, 7, 7)).outputShapes())
                .containsExactly(Shape.of(2, 512 * 49));
        assertThat(Layers.node("concat", Attributes.empty(), Shape.of(2, 3, 4, 4), Shape.of(2, 5, 4, 4))
                .outputShapes()).containsExactly(Shape.of(2, 8, 4, 4));
        assertThat(Layers.node("mul", Attributes.empty(), Shape.of(3, 1, 5), Shape.of(4, 1)).outputShapes())
                .containsExactly(Shape.of(3, 4, 5));
        assertThat(Layers.node("global_avg_pool", Attributes.empty(), Shape.of(2, 8, 7, 7)).outputShapes())
                .containsExactly(Shape.of(2, 8, 1, 1));
        assertThat(Layers.node("adaptive_avg_pool2d", attrs().put("output_size", 6).build(), Shape.of(2, 8, 13, 13))
                .outputShapes()).containsExactly(Shape.of(2, 8, 6, 6));
    }

    @Test
    void matmulBroadcastsBatchDims() {
        // ViT attention scores: [2, 12, 197, 64] · [2, 12, 197, 64]ᵀ → [2, 12, 197, 197], 64 MACs per output.
        Node scores = Layers.node("matmul", attrs().put("transpose_b", true).build(), Shape.of(2, 12, 197, 64),
                Shape.of(2, 12, 197, 64));
        assertThat(scores.outputShapes()).containsExactly(Shape.of(2, 12, 197, 197));
        assertThat(scores.macs()).isEqualTo(2L * 12 * 197 * 197 * 64);
        Node broadcast = Layers.node("matmul", Attributes.empty(), Shape.of(2, 1, 4, 6), Shape.of(3, 6, 5));
        assertThat(broadcast.outputShapes()).containsExactly(Shape.of(2, 3, 4, 5));
        assertThat(broadcast.macs()).isEqualTo(2L * 3 * 4 * 5 * 6);
    }

    @Test
    void dataMovementShapes() {
        assertThat(Layers.node("pad", attrs().put("pads", 0, 1, 2, 3).build(), Shape.of(1, 3, 5, 5)).outputShapes())
                .containsExactly(Shape.of(1, 3, 7, 9));
        assertThat(Layers.node("permute", attrs().put("dims", 0, 2, 3, 1).build(), Shape.of(2, 3, 4, 5))
                .outputShapes()).containsExactly(Shape.of(2, 4, 5, 3));
        assertThat(Layers.node("split", attrs().put("axis", -1).put("sizes", 2, 4).build(), Shape.of(2, 3, 6))
                .outputShapes()).containsExactly(Shape.of(2, 3, 2), Shape.of(2, 3, 4));
        // 1:8:3 takes 1, 4, 7.
        assertThat(Layers.node("slice", attrs().put("axis", 1).put("start", 1).put("end", 8).put("step", 3)
                .build(), Shape.of(2, 9)).outputShapes()).containsExactly(Shape.of(2, 3));
        assertThat(Layers.node("reshape", attrs().put("shape", 0, -1, 4).build(), Shape.of(2, 3, 8))
                .outputShapes()).containsExactly(Shape.of(2, 6, 4));
    }
}
