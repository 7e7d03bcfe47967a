package dev.strix.layers.shape;

/** Copies a strided view of a row-major array into a dense row-major array: the core of permute and slice. */
final class Strided {
    private Strided() {}

    /**
     * Fills {@code out} (dense, of shape {@code dims}) with {@code in[offset + Σ index[d] · strides[d]]}, walking the
     * output in row-major order with an odometer so that each element costs a few additions.
     */
    static void gather(float[] in, int offset, int[] strides, int[] dims, float[] out) {
        int rank = dims.length;
        if (rank == 0) {
            out[0] = in[offset];
            return;
        }
        int last = dims[rank - 1];
        int lastStride = strides[rank - 1];
        int[] index = new int[rank];
        int base = offset;
        for (int o = 0; o < out.length; o += last) {
            for (int j = 0; j < last; j++) {
                out[o + j] = in[base + j * lastStride];
            }
            for (int d = rank - 2; d >= 0; d--) {
                index[d]++;
                base += strides[d];
                if (index[d] < dims[d]) {
                    break;
                }
                base -= index[d] * strides[d];
                index[d] = 0;
            }
        }
    }

    /** Row-major strides of a dense array of shape {@code dims}. */
    static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= dims[i];
        }
        return s;
    }
}
