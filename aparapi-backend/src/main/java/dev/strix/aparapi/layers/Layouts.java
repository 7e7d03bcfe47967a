package dev.strix.aparapi.layers;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;

/** Strides and rank padding shared by the planners of strided and broadcasting kernels. */
final class Layouts {
    /** The rank the strided kernels walk. */
    static final int RANK = 6;

    private Layouts() {}

    /** Row-major strides of {@code dims}. */
    static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= dims[i];
        }
        return s;
    }

    /** Strides of {@code s} broadcast to {@code out} (right-aligned; a dim of 1 gets stride 0). */
    static int[] broadcastStrides(Shape s, Shape out) {
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

    /** {@code values} right-aligned in an array of {@link #RANK}, the leading entries set to {@code fill}. */
    static int[] pad(int[] values, int fill, String what) {
        if (values.length > RANK) {
            throw new ShapeException("the aparapi backend handles " + what + " of rank at most " + RANK + ", got rank "
                    + values.length);
        }
        int[] out = new int[RANK];
        java.util.Arrays.fill(out, fill);
        System.arraycopy(values, 0, out, RANK - values.length, values.length);
        return out;
    }
}
