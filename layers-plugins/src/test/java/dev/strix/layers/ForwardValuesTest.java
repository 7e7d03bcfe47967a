package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference forwards on inputs small enough to work out by hand. */
class ForwardValuesTest {

    @Test
    void convolutionWithPaddingAndBias() {
        // 3x3 input 1..9, 2x2 kernel of ones, padding 1 on the top-left only, bias 0.5.
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor w = Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2);
        Tensor b = Tensor.of(new float[] {0.5f}, 1);
        Tensor y = Layers.run("conv2d", Attributes.builder().put("out_channels", 1).put("kernel_size", 2)
                .put("padding", 1, 1, 0, 0).build(), Map.of("weight", w, "bias", b), List.of(x)).get(0);
        assertThat(y.shape().toArray()).containsExactly(1, 1, 3, 3);
        assertThat(y.data()).containsExactly(1.5f, 3.5f, 5.5f, 5.5f, 12.5f, 16.5f, 11.5f, 24.5f, 28.5f);
    }

    @Test
    void maxAndAveragePooling() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        assertThat(Layers.run("max_pool2d", Attributes.builder().put("kernel_size", 2).build(), x).data())
                .containsExactly(6, 8, 14, 16);
        // 3x3 stride 2 pad 1: the corner window holds 1, 2, 5, 6 and five pad cells.
        Tensor avg = Layers.run("avg_pool2d", Attributes.builder().put("kernel_size", 3).put("stride", 2)
                .put("padding", 1).build(), x);
        assertThat(avg.data()[0]).isEqualTo(14f / 9);
        Tensor excl = Layers.run("avg_pool2d", Attributes.builder().put("kernel_size", 3).put("stride", 2)
                .put("padding", 1).put("count_include_pad", false).build(), x);
        assertThat(excl.data()[0]).isEqualTo(14f / 4);
    }

    @Test
    void linearAndBatchNorm() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 3);
        Tensor y = Layers.run("linear", Attributes.builder().put("out_features", 2).build(),
                Map.of("weight", Tensor.of(new float[] {1, 0, -1, 2, 2, 2}, 2, 3), "bias",
                        Tensor.of(new float[] {10, 20}, 2)), List.of(x)).get(0);
        assertThat(y.data()).containsExactly(8, 32);
        Tensor bn = Layers.run("batch_norm", Attributes.builder().put("eps", 0.0).build(),
                Map.of("weight", Tensor.of(new float[] {2}, 1), "bias", Tensor.of(new float[] {1}, 1),
                        "running_mean", Tensor.of(new float[] {3}, 1), "running_var", Tensor.of(new float[] {4}, 1)),
                List.of(Tensor.of(new float[] {3, 5, 7}, 1, 1, 3))).get(0);
        assertThat(bn.data()).containsExactly(1, 3, 5);
    }
}
