package dev.strix.aparapi.kernels;

/**
 * y[r, c] = x[rows[r], c] for rows of {@link #width} values, or 0 where rows[r] is −1: the window partition (with
 * shift and zero padding) and its inverse for Swin's window attention, as index tables computed on the host.
 */
public final class RowGatherKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int[] rows;
    public int width;

    @Override
    protected void compute(int id) {
        int r = id / width;
        int c = id - r * width;
        int src = rows[r];
        y[id] = src >= 0 ? x[src * width + c] : 0f;
    }
}
