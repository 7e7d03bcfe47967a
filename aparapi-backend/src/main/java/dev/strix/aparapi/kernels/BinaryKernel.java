package dev.strix.aparapi.kernels;

/**
 * y = act(a + b) or act(a · b) with NumPy broadcasting. Shapes are right-aligned and padded to rank 6; a broadcast dimension
 * has stride 0 in its operand, so one index walk serves every case.
 */
public final class BinaryKernel extends StrixKernel {
    public static final int ADD = 0;
    public static final int MUL = 1;
    public static final int RANK = 6;

    public float[] a;
    public float[] b;
    public float[] y;
    public int op;
    /** Output dims, padded with leading 1s to {@link #RANK}. */
    public int[] dims;
    public int[] aStrides;
    public int[] bStrides;
    /** 1 when a, b and y have the same shape: the index walk is skipped. */
    public int same;
    /** Activation applied to the result (a residual add followed by its ReLU). */
    public int act;
    public float alpha;

    /** Sets the activation applied to every result (host side). */
    public void activation(int op, float a) {
        act = op;
        alpha = a;
    }

    @Override
    protected void compute(int i) {
        int ia = i;
        int ib = i;
        if (same == 0) {
            int rest = i;
            ia = 0;
            ib = 0;
            for (int d = RANK - 1; d >= 0; d--) {
                int idx = rest % dims[d];
                rest = rest / dims[d];
                ia += idx * aStrides[d];
                ib += idx * bStrides[d];
            }
        }
        float va = a[ia];
        float vb = b[ib];
        y[i] = activate(act, alpha, op == MUL ? va * vb : va + vb);
    }
}
