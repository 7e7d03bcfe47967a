package dev.strix.api;

/**
 * An integer tensor, as PyTorch stores index buffers (Swin's {@code relative_position_index}) and counters
 * ({@code num_batches_tracked}). Values are widened to long whatever the stored width.
 */
public final class IntTensor {
    private final Shape shape;
    private final long[] data;

    public IntTensor(Shape shape, long[] data) {
        if (data.length != shape.size()) {
            throw new ShapeException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    public Shape shape() {
        return shape;
    }

    public long[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "IntTensor" + shape;
    }
}
