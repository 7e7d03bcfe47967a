package dev.strix.api;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major (C) order. The backing array is exposed for speed and is shared, not copied:
 * treat a tensor you did not create as read-only.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    private Tensor(Shape shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} (not copied) as a tensor of {@code shape}; the lengths must agree. */
    public static Tensor of(Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new ShapeException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        return new Tensor(shape, data);
    }

    public static Tensor of(float[] data, int... dims) {
        return of(Shape.of(dims), data);
    }

    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.elementCount()]);
    }

    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    public static Tensor filled(Shape shape, float value) {
        float[] d = new float[shape.elementCount()];
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    public Shape shape() {
        return shape;
    }

    /** The backing array, row-major. */
    public float[] data() {
        return data;
    }

    /** The same data viewed with another shape of equal size. */
    public Tensor reshape(Shape newShape) {
        return of(newShape, data);
    }

    /** Element at the given indices (slow; for tests and small tensors). */
    public float get(int... index) {
        if (index.length != shape.rank()) {
            throw new ShapeException("index " + Arrays.toString(index) + " has rank " + index.length
                    + " but tensor has shape " + shape);
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            flat = flat * shape.dim(i) + index[i];
        }
        return data[flat];
    }

    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    @Override
    public String toString() {
        return "Tensor" + shape;
    }
}
