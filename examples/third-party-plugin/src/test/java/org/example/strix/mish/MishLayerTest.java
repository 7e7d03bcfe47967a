package org.example.strix.mish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class MishLayerTest {

    /** torch.nn.functional.mish on float32 inputs, printed by Debian's torch 1.13 with nine significant digits. */
    private static final float[] X = {-30f, -3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f, 19f, 21f};
    private static final double[] TORCH = {-2.80728695e-12, -0.145647466, -0.30340144, -0.22074376, 0,
        0.375245243, 0.865098357, 2.98653507, 19, 21};

    @Test
    void matchesPyTorchThroughTheReferenceBackend() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(1, X.length));
        Graph g = b.build(b.layer("mish", "act").apply(x));
        float[] y;
        try (Session s = new ReferenceBackend().compile(g, Weights.empty(), SessionOptions.defaults())) {
            y = s.run(Tensor.of(X.clone(), 1, X.length)).data();
        }
        for (int i = 0; i < X.length; i++) {
            assertThat((double) y[i]).as("mish(%s)", X[i])
                    .isCloseTo(TORCH[i], org.assertj.core.data.Offset.offset(1e-7 + 1e-6 * Math.abs(TORCH[i])));
        }
    }

    @Test
    void keepsTheShapeAndRejectsTwoInputs() {
        MishLayer mish = new MishLayer();
        assertThat(mish.inferShapes(List.of(Shape.of(2, 3, 4, 5)), dev.strix.api.Attributes.empty()))
                .containsExactly(Shape.of(2, 3, 4, 5));
        assertThatThrownBy(() -> mish.inferShapes(List.of(Shape.of(1, 2), Shape.of(1, 2)),
                dev.strix.api.Attributes.empty()))
                .isInstanceOf(ShapeException.class).hasMessageContaining("one input, got 2");
    }
}
