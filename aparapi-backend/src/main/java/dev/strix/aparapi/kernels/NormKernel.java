package dev.strix.aparapi.kernels;

/**
 * Normalises one row per work item to zero mean and unit variance (biased, as PyTorch), then applies a per-element
 * weight and bias. A row is {@link #length} values {@link #inner} apart starting at (r / inner)·length·inner +
 * r % inner, which covers layer norm over trailing dims (inner = 1), over channels of [N,C,H,W] (inner = H·W) and
 * group norm (one row per image and group). The weight index of value j of row r is
 * (r % groups)·perGroup + j / spatial.
 */
public final class NormKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public float[] weight;
    public float[] bias;
    public int length;
    public int inner;
    public int groups;
    public int perGroup;
    public int spatial;
    public int affine;
    public float eps;

    @Override
    protected void compute(int r) {
        int base = (r / inner) * length * inner + r % inner;
        float sum = 0f;
        for (int j = 0; j < length; j++) {
            sum += x[base + j * inner];
        }
        float mean = sum / length;
        float sq = 0f;
        for (int j = 0; j < length; j++) {
            float d = x[base + j * inner] - mean;
            sq += d * d;
        }
        float inv = 1f / sqrt(sq / length + eps);
        int wBase = (r % groups) * perGroup;
        for (int j = 0; j < length; j++) {
            int at = base + j * inner;
            float v = (x[at] - mean) * inv;
            if (affine == 1) {
                int wi = wBase + j / spatial;
                v = v * weight[wi] + bias[wi];
            }
            y[at] = v;
        }
    }
}
