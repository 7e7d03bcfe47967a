package dev.strix.layers;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import java.util.Arrays;
import java.util.List;

/**
 * The checks shape inference repeats in every layer type: input count and rank, and attributes that must be
 * positive or non-negative. Each failure is a {@link ShapeException} naming the input or attribute and its value;
 * the graph builder adds the node and layer type.
 */
public final class LayerChecks {
    private LayerChecks() {}

    /** The only input, which must have exactly {@code rank} dimensions ({@code layout} names them, e.g. [N,C,H,W]). */
    public static Shape single(List<Shape> inputs, int rank, String layout) {
        Shape s = single(inputs);
        if (s.rank() != rank) {
            throw new ShapeException("input must have rank " + rank + " " + layout + ", got shape " + s);
        }
        return s;
    }

    /** The only input, of any rank. */
    public static Shape single(List<Shape> inputs) {
        count(inputs, 1);
        return inputs.get(0);
    }

    /** The only input, which must have at least {@code rank} dimensions. */
    public static Shape singleAtLeast(List<Shape> inputs, int rank, String layout) {
        Shape s = single(inputs);
        if (s.rank() < rank) {
            throw new ShapeException("input must have rank at least " + rank + " " + layout + ", got shape " + s);
        }
        return s;
    }

    /** Fails unless there are exactly {@code n} inputs. */
    public static void count(List<Shape> inputs, int n) {
        if (inputs.size() != n) {
            throw new ShapeException("takes " + n + (n == 1 ? " input" : " inputs") + ", got " + inputs.size() + " "
                    + inputs);
        }
    }

    /** The int attribute {@code name} (or {@code fallback}), which must be at least 1. */
    public static int positive(Attributes a, String name, int fallback) {
        return positive(name, a.getInt(name, fallback));
    }

    /** The required int attribute {@code name}, which must be at least 1. */
    public static int positive(Attributes a, String name) {
        return positive(name, a.getInt(name));
    }

    public static int positive(String name, int value) {
        if (value < 1) {
            throw new ShapeException("attribute '" + name + "' must be at least 1, got " + value);
        }
        return value;
    }

    /** Fails unless every entry of {@code values} is at least 1. */
    public static int[] positive(String name, int[] values) {
        for (int v : values) {
            if (v < 1) {
                throw new ShapeException("attribute '" + name + "' must be at least 1, got " + Arrays.toString(values));
            }
        }
        return values;
    }

    /** Fails unless every entry of {@code values} is at least 0. */
    public static int[] nonNegative(String name, int[] values) {
        for (int v : values) {
            if (v < 0) {
                throw new ShapeException("attribute '" + name + "' must not be negative, got "
                        + Arrays.toString(values));
            }
        }
        return values;
    }

    /** The double attribute {@code name} (or {@code fallback}), which must lie in [lo, hi]. */
    public static double inRange(Attributes a, String name, double fallback, double lo, double hi) {
        double v = a.getDouble(name, fallback);
        if (!(v >= lo && v <= hi)) {
            throw new ShapeException("attribute '" + name + "' must lie in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    /** The string attribute {@code name} (or {@code fallback}), which must be one of {@code allowed}. */
    public static String oneOf(Attributes a, String name, String fallback, String... allowed) {
        String v = a.getString(name, fallback);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ShapeException("attribute '" + name + "' must be one of " + Arrays.toString(allowed) + ", got '"
                    + v + "'");
        }
        return v;
    }

    /** {@code axis} of a rank-{@code rank} tensor as 0..rank-1 (negative counts from the end), naming {@code name}. */
    public static int axis(String name, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeException("attribute '" + name + "' = " + axis + " is out of range for rank " + rank);
        }
        return a;
    }
}
