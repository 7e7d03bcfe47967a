package dev.strix.layers.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.layers.BadInput;
import dev.strix.layers.Layers;
import dev.strix.api.testkit.Tensors;
import org.junit.jupiter.api.Test;

/**
 * In ceil mode PyTorch accepts a window that starts inside the input and runs past its padded end, as long as one
 * output results (torch 1.13: max_pool2d(x[1,2,4,4], 5, stride=2, ceil_mode=True) has shape [1,2,1,1], and
 * avg_pool2d divides by the 16 cells the window covers). Kernel 6 gives zero outputs and is still rejected.
 */
class CeilModeOverhangTest {
    private static final Shape X = Shape.of(1, 2, 4, 4);

    private static Attributes ceil(int kernel) {
        return Attributes.builder().put("kernel_size", kernel).put("stride", 2).put("ceil_mode", true).build();
    }

    @Test
    void oneOutputWhenTheWindowOverhangsThePaddedInput() {
        Tensor x = Tensors.random(X, 3);
        Tensor max = Layers.run("max_pool2d", ceil(5), x);
        Tensor avg = Layers.run("avg_pool2d", ceil(5), x);
        assertThat(max.shape()).isEqualTo(Shape.of(1, 2, 1, 1));
        for (int c = 0; c < 2; c++) {
            float m = Float.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < 16; i++) {
                m = Math.max(m, x.data()[c * 16 + i]);
                sum += x.data()[c * 16 + i];
            }
            assertThat(max.data()[c]).isEqualTo(m);
            assertThat((double) avg.data()[c]).isCloseTo(sum / 16, within(1e-6));
        }
    }

    @Test
    void zeroOutputsAreStillRejected() {
        BadInput.rejected("max_pool2d", ceil(6), BadInput.shapes(X), "'kernel_size' 6", "padded input height 4");
    }
}
