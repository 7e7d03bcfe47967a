package dev.strix.layers.math;

import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;

/** NumPy broadcasting: shapes aligned on the right, a dimension of 1 (or a missing one) stretched to match. */
final class Broadcast {
    /** Rows per parallel task for the general (strided) path. */
    private static final int ROWS_PER_TASK = 256;

    /** A float function of two floats. */
    @FunctionalInterface
    interface Op {
        float apply(float a, float b);
    }

    private Broadcast() {}

    /** The broadcast shape of {@code a} and {@code b}, or a ShapeException naming the clashing dimension. */
    static Shape shape(Shape a, Shape b, String aName, String bName) {
        int rank = Math.max(a.rank(), b.rank());
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
            int db = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(aName + " " + a + " and " + bName + " " + b + " do not broadcast: dimension "
                        + (i - rank) + " is " + da + " vs " + db);
            }
            dims[i] = Math.max(da, db);
        }
        return Shape.of(dims);
    }

    /** Strides of {@code s} seen through the broadcast {@code out} shape: 0 where {@code s} is stretched. */
    static int[] strides(Shape s, Shape out) {
        int rank = out.rank();
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= rank - s.rank(); i--) {
            int d = s.dim(i - (rank - s.rank()));
            strides[i] = d == 1 ? 0 : stride;
            stride *= d;
        }
        return strides;
    }

    /** y = op(a, b) element-wise with broadcasting; y has the broadcast shape. */
    static void apply(Tensor a, Tensor b, Tensor y, Op op) {
        float[] av = a.data();
        float[] bv = b.data();
        float[] out = y.data();
        if (a.shape().equals(b.shape())) {
            for (int i = 0; i < out.length; i++) {
                out[i] = op.apply(av[i], bv[i]);
            }
            return;
        }
        Shape s = y.shape();
        if (s.rank() == 0) {
            out[0] = op.apply(av[0], bv[0]);
            return;
        }
        int rank = s.rank();
        int[] sa = strides(a.shape(), s);
        int[] sb = strides(b.shape(), s);
        int last = s.dim(rank - 1);
        int rows = out.length / last;
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        Parallel.forRange(tasks, t -> {
            for (int row = t * ROWS_PER_TASK; row < Math.min(rows, (t + 1) * ROWS_PER_TASK); row++) {
                int ia = 0;
                int ib = 0;
                int r = row;
                for (int d = rank - 2; d >= 0; d--) {
                    int idx = r % s.dim(d);
                    r /= s.dim(d);
                    ia += idx * sa[d];
                    ib += idx * sb[d];
                }
                int o = row * last;
                int ka = sa[rank - 1];
                int kb = sb[rank - 1];
                for (int j = 0; j < last; j++) {
                    out[o + j] = op.apply(av[ia + j * ka], bv[ib + j * kb]);
                }
            }
        });
    }
}
