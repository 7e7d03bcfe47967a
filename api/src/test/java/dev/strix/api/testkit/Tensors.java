package dev.strix.api.testkit;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import java.util.SplittableRandom;

/** Helpers for numerical tests: seeded random tensors and the relative L2 distance that tolerances are stated in. */
public final class Tensors {
    private Tensors() {}

    /** Uniform values in [-1, 1) drawn with {@code seed}. */
    public static Tensor random(Shape shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[shape.elementCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return Tensor.of(shape, d);
    }

    /** ||actual − expected||₂ / max(||expected||₂, tiny). Shapes must be equal. */
    public static double relativeL2(Tensor actual, Tensor expected) {
        if (!actual.shape().equals(expected.shape())) {
            throw new AssertionError("shape " + actual.shape() + " differs from expected " + expected.shape());
        }
        double diff = 0;
        double norm = 0;
        float[] a = actual.data();
        float[] e = expected.data();
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - e[i];
            diff += d * d;
            norm += (double) e[i] * e[i];
        }
        if (Double.isNaN(diff)) {
            return Double.NaN;
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-30);
    }

    /** Largest |actual − expected| / (atol + rtol·|expected|); at most 1 means every element is within tolerance. */
    public static double worstElement(Tensor actual, Tensor expected, double rtol, double atol) {
        if (!actual.shape().equals(expected.shape())) {
            throw new AssertionError("shape " + actual.shape() + " differs from expected " + expected.shape());
        }
        double worst = 0;
        for (int i = 0; i < actual.data().length; i++) {
            double e = expected.data()[i];
            double d = Math.abs(actual.data()[i] - e);
            if (Double.isNaN(d)) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, d / (atol + rtol * Math.abs(e)));
        }
        return worst;
    }
}
