package dev.strix.aparapi.kernels;

/**
 * A strided copy over up to 6 dims: y[yOffset + Σ i_d·yStrides_d] = x[xOffset + Σ i_d·xStrides_d]. Permute,
 * slice, split, concat, the class token, a padded copy and a subsample are all this copy with other strides and
 * offsets. Each work item copies {@link #chunk} consecutive indices of the last dim, so the index arithmetic (a
 * division per dim) is paid once per run of the row rather than per element: element by element it took 24–28 ms
 * of a resnet50 or mobilenet_v2 run on PoCL for the padded copies alone. Dims of size 1 skip their division and
 * contiguous runs get a unit-stride loop: a padded copy of 576 planes of 14 × 14 0.43 → 0.29 ms.
 */
public final class CopyKernel extends StrixKernel {
    public static final int RANK = 6;

    public float[] x;
    public float[] y;
    public int[] dims;
    public int[] xStrides;
    public int[] yStrides;
    public int xOffset;
    public int yOffset;
    /** Indices of the last dim per work item; items = (product of the other dims) · ceil(dims[5] / chunk). */
    public int chunk;

    @Override
    protected void compute(int i) {
        int last = dims[RANK - 1];
        int pieces = (last + chunk - 1) / chunk;
        int j0 = (i % pieces) * chunk;
        int rest = i / pieces;
        int ix = xOffset + j0 * xStrides[RANK - 1];
        int iy = yOffset + j0 * yStrides[RANK - 1];
        // Dims of size 1 (the leading ones of every copy of rank below 6) skip their division.
        for (int d = RANK - 2; d >= 0; d--) {
            int n = dims[d];
            if (n > 1) {
                int idx = rest % n;
                rest = rest / n;
                ix += idx * xStrides[d];
                iy += idx * yStrides[d];
            }
        }
        int count = min(chunk, last - j0);
        int sx = xStrides[RANK - 1];
        int sy = yStrides[RANK - 1];
        if (sx == 1 && sy == 1) {
            // Contiguous runs (padded copies, concat, slices) in a loop the compiler can vectorise.
            for (int j = 0; j < count; j++) {
                y[iy + j] = x[ix + j];
            }
        } else if (sx == 2 && sy == 1) {
            // Every other element into a contiguous run (the split into stride phases): with the stride a literal
            // the compiler loads pairs as vectors and keeps the even ones.
            for (int j = 0; j < count; j++) {
                y[iy + j] = x[ix + 2 * j];
            }
        } else {
            for (int j = 0; j < count; j++) {
                y[iy + j * sy] = x[ix + j * sx];
            }
        }
    }
}
