package dev.strix.cli.commands;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import java.util.SplittableRandom;

/** Seeded inputs for a model when no real image is at hand: benchmarks and {@code strix input}. */
final class RandomInput {
    private RandomInput() {}

    /** Uniform values in [-1, 1) drawn with {@code seed}, about the range of a normalised image. */
    static Tensor uniform(Shape shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[shape.elementCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return Tensor.of(shape, d);
    }
}
