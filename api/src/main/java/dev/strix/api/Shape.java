package dev.strix.api;

import java.util.Arrays;

/**
 * An immutable tensor shape: the sizes of each dimension, outermost first (NCHW for images, batch first).
 * Every dimension is at least 1; a rank-0 shape is a scalar with one element.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape with the given dimensions; fails on a dimension below 1. */
    public static Shape of(int... dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 1) {
                throw new ShapeException("dimension " + i + " of shape " + Arrays.toString(dims) + " is " + dims[i]
                        + "; every dimension must be at least 1");
            }
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code axis}; a negative axis counts from the end (-1 is the last). */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /** Turns a possibly negative axis into {@code 0..rank-1}, failing with the shape in the message. */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new ShapeException("axis " + axis + " is out of range for shape " + this);
        }
        return a;
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Number of elements as an int, failing if a Java array cannot hold them. */
    public int elementCount() {
        long n = size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new ShapeException("shape " + this + " has " + n + " elements, more than one array can hold");
        }
        return (int) n;
    }

    /** Product of the dimensions from {@code from} (inclusive) to {@code to} (exclusive). */
    public long sizeOf(int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n *= dims[i];
        }
        return n;
    }

    public int[] toArray() {
        return dims.clone();
    }

    /** The same shape with dimension {@code axis} replaced by {@code size}. */
    public Shape with(int axis, int size) {
        int[] d = dims.clone();
        d[normalizeAxis(axis)] = size;
        return of(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
