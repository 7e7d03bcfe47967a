package dev.strix.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.spi.Init;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializersTest {
    private static double std(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += x * x;
        }
        double m = s / v.length;
        return Math.sqrt(s2 / v.length - m * m);
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void heNormalUsesFanOutLikeTorchvision() {
        Shape conv = Shape.of(64, 32, 3, 3); // fan_out = 64·9 = 576
        float[] v = Initializers.fill(conv, Init.he(), new SplittableRandom(1));
        assertThat(std(v)).isCloseTo(Math.sqrt(2.0 / 576), within(0.002));
    }

    @Test
    void xavierAndFanInUniformStayWithinTheirBounds() {
        Shape linear = Shape.of(100, 300);
        float[] x = Initializers.fill(linear, Init.xavier(), new SplittableRandom(2));
        double bound = Math.sqrt(6.0 / 400);
        assertThat(maxAbs(x)).isLessThanOrEqualTo(bound);
        assertThat(std(x)).isCloseTo(bound / Math.sqrt(3), within(0.002));
        float[] u = Initializers.fill(linear, Init.fanInUniform(), new SplittableRandom(3));
        assertThat(maxAbs(u)).isLessThanOrEqualTo(1 / Math.sqrt(300));
    }

    @Test
    void truncatedNormalNeverExceedsTwoStd() {
        float[] v = Initializers.fill(Shape.of(10_000), Init.truncatedNormal(0.02), new SplittableRandom(4));
        assertThat(maxAbs(v)).isLessThanOrEqualTo(0.04 + 1e-7);
    }

    @Test
    void sameSeedSameWeightsAndEachTensorHasItsOwnStream() {
        GraphBuilder b = new GraphBuilder(RegistryFactory.create(List.of(dev.strix.api.testkit.TestLayers.plugin()),
                List.of()));
        Value x = b.input("input", Shape.of(1, 8, 2));
        Graph g = b.build(b.layer("t_scale", "b").apply(b.layer("t_scale", "a").apply(x)));
        Weights w1 = Initializers.initialize(g, 5);
        Weights w2 = Initializers.initialize(g, 5);
        Weights w3 = Initializers.initialize(g, 6);
        Tensor a1 = w1.get("a.weight");
        assertThat(a1.data()).containsExactly(w2.get("a.weight").data());
        assertThat(a1.data()).isNotEqualTo(w1.get("b.weight").data());
        assertThat(a1.data()).isNotEqualTo(w3.get("a.weight").data());
    }
}
