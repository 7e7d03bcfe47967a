package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import java.util.Arrays;
import java.util.List;

/**
 * Build-time checks for layer attributes and inputs, shared by the attention, resampling and block layers. Each failure
 * is a {@link ShapeException} naming the attribute or input and its value; the graph builder adds node and layer.
 */
public final class Require {
    private Require() {}

    /** The single input, which must have rank {@code rank}; {@code layout} describes it, like "[N,L,E]". */
    public static Shape oneInput(List<Shape> inputs, int rank, String layout) {
        if (inputs.size() != 1) {
            throw new ShapeException("expects one input x " + layout + ", got " + inputs.size() + " inputs " + inputs);
        }
        Shape x = inputs.get(0);
        if (x.rank() != rank) {
            throw new ShapeException("input x must have rank " + rank + " " + layout + ", got shape " + x);
        }
        return x;
    }

    /** The required int attribute {@code name}, at least 1. */
    public static int positive(Attributes a, String name) {
        return atLeast(name, a.getInt(name), 1);
    }

    /** {@code n} ints from a required int|int[n] attribute, each at least {@code min}. */
    public static int[] ints(Attributes a, String name, int n, int min) {
        if (!a.has(name)) {
            throw new ShapeException("attribute '" + name + "' is required but missing");
        }
        return ints(a, name, n, 1, min);
    }

    /** {@code n} ints from an int|int[n] attribute ({@code fallback} when absent), each at least {@code min}. */
    public static int[] ints(Attributes a, String name, int n, int fallback, int min) {
        int[] v = a.getInts(name, n, fallback);
        for (int x : v) {
            if (x < min) {
                throw new ShapeException("attribute '" + name + "' = " + Arrays.toString(v) + " must be at least "
                        + min);
            }
        }
        return v;
    }

    /** {@code value} of attribute {@code name}, checked to be at least {@code min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new ShapeException("attribute '" + name + "' = " + value + " must be at least " + min);
        }
        return value;
    }

    /** A non-empty string attribute, used as a parameter's local name. */
    public static String paramName(Attributes a, String name, String fallback) {
        String v = a.getString(name, fallback);
        if (v.isEmpty() || v.startsWith(".") || v.endsWith(".")) {
            throw new ShapeException("attribute '" + name + "' = \"" + v + "\" is not a usable parameter name");
        }
        return v;
    }

    /** One of {@code allowed}. */
    public static String oneOf(Attributes a, String name, String fallback, String... allowed) {
        String v = a.getString(name, fallback);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ShapeException("attribute '" + name + "' = \"" + v + "\" must be one of "
                    + Arrays.toString(allowed));
        }
        return v;
    }

    /** The required {@code num_heads} attribute, which must divide dimension {@code axis} of input x. */
    public static int heads(Attributes a, Shape x, int axis, String dimName) {
        int heads = positive(a, "num_heads");
        if (x.dim(axis) % heads != 0) {
            throw new ShapeException("attribute 'num_heads' = " + heads + " does not divide the " + dimName + " "
                    + x.dim(axis) + " of input x " + x);
        }
        return heads;
    }
}
