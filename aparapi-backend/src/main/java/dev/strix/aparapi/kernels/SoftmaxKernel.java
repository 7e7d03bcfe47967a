package dev.strix.aparapi.kernels;

/**
 * Softmax or log-softmax along one axis, a row per work item: {@link #length} values {@link #inner} apart starting
 * at (r / inner)·length·inner + r % inner. The maximum is subtracted first, as PyTorch does.
 */
public final class SoftmaxKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int length;
    public int inner;
    public int logarithm;

    @Override
    protected void compute(int r) {
        int base = (r / inner) * length * inner + r % inner;
        float m = LOWEST;
        for (int j = 0; j < length; j++) {
            m = max(m, x[base + j * inner]);
        }
        float sum = 0f;
        for (int j = 0; j < length; j++) {
            sum += exp(x[base + j * inner] - m);
        }
        float logSum = log(sum);
        for (int j = 0; j < length; j++) {
            int at = base + j * inner;
            y[at] = logarithm == 1 ? x[at] - m - logSum : exp(x[at] - m) / sum;
        }
    }
}
