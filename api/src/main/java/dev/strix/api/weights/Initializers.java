package dev.strix.api.weights;

import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.ParamSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded initialisation of every parameter and buffer of a graph by its {@link Init}. The same seed and graph give
 * the same weights on every machine; each tensor draws from a stream derived from the seed and its name, so adding
 * a layer does not change the others.
 */
public final class Initializers {
    private Initializers() {}

    /** Fresh weights for {@code graph}, drawn with {@code seed}. */
    public static Weights initialize(Graph graph, long seed) {
        Map<String, Tensor> floats = new LinkedHashMap<>();
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        for (var e : graph.parameters().entrySet()) {
            ParamSpec p = e.getValue();
            if (p.kind() == ParamSpec.Kind.INDEX) {
                ints.put(e.getKey(), p.index());
            } else {
                SplittableRandom rng = new SplittableRandom(seed ^ (e.getKey().hashCode() * 0x9E3779B97F4A7C15L));
                floats.put(e.getKey(), Tensor.of(p.shape(), fill(p.shape(), p.init(), rng)));
            }
        }
        return Weights.of(floats, ints, Map.of(), "random weights (seed " + seed + ")");
    }

    /** Values for one tensor of {@code shape} drawn by {@code init}. */
    public static float[] fill(Shape shape, Init init, SplittableRandom rng) {
        float[] v = new float[shape.elementCount()];
        double a = init.a();
        switch (init.kind()) {
            case CONSTANT -> java.util.Arrays.fill(v, (float) a);
            case NORMAL -> gaussian(v, a, rng, false);
            case TRUNCATED_NORMAL -> gaussian(v, a, rng, true);
            case UNIFORM -> uniform(v, a, rng);
            case HE_NORMAL -> gaussian(v, Math.sqrt(2.0 / Math.max(1, fanOut(shape))), rng, false);
            case XAVIER_UNIFORM -> uniform(v, Math.sqrt(6.0 / Math.max(1, fanIn(shape) + fanOut(shape))), rng);
            case FAN_IN_UNIFORM -> uniform(v, 1.0 / Math.sqrt(Math.max(1, fanIn(shape))), rng);
            default -> throw new IllegalStateException(init.kind().name());
        }
        return v;
    }

    /** PyTorch's fan_in: shape[1] × receptive field (shape[0] for a vector). */
    public static long fanIn(Shape s) {
        if (s.rank() < 2) {
            return s.rank() == 0 ? 1 : s.dim(0);
        }
        return s.dim(1) * s.sizeOf(2, s.rank());
    }

    /** PyTorch's fan_out: shape[0] × receptive field. */
    public static long fanOut(Shape s) {
        if (s.rank() < 2) {
            return s.rank() == 0 ? 1 : s.dim(0);
        }
        return s.dim(0) * s.sizeOf(2, s.rank());
    }

    private static void gaussian(float[] v, double std, SplittableRandom rng, boolean truncate) {
        for (int i = 0; i < v.length; i++) {
            double g;
            do {
                // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
                double u1 = 1.0 - rng.nextDouble();
                double u2 = rng.nextDouble();
                g = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            } while (truncate && Math.abs(g) > 2);
            v[i] = (float) (g * std);
        }
    }

    private static void uniform(float[] v, double bound, SplittableRandom rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
    }
}
