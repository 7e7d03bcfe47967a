package dev.strix.aparapi.kernels;

/**
 * A strided copy over up to 6 dims: y[yOffset + Σ i_d·yStrides_d] = x[xOffset + Σ i_d·xStrides_d]. Permute,
 * slice, split, concat and the class token are all this copy with other strides and offsets.
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

    @Override
    protected void compute(int i) {
        int rest = i;
        int ix = xOffset;
        int iy = yOffset;
        for (int d = RANK - 1; d >= 0; d--) {
            int idx = rest % dims[d];
            rest = rest / dims[d];
            ix += idx * xStrides[d];
            iy += idx * yStrides[d];
        }
        y[iy] = x[ix];
    }
}
