package dev.strix.aparapi.kernels;

/**
 * y = activation(x · scale[c] + shift[c]) with c the channel (axis 1) of element i: inference batch norm with its
 * statistics folded into one scale and shift per channel.
 */
public final class AffineKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public float[] scale;
    public float[] shift;
    public int channels;
    /** Elements per channel plane (H·W). */
    public int inner;
    public int act;
    public float alpha;

    @Override
    protected void compute(int i) {
        int c = (i / inner) % channels;
        y[i] = activate(act, alpha, x[i] * scale[c] + shift[c]);
    }
}
