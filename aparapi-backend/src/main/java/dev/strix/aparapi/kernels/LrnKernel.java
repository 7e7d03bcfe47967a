package dev.strix.aparapi.kernels;

/**
 * Local response normalisation across channels (PyTorch's): y = x / (k + alpha/size · Σ x²)^beta over channels
 * c − size/2 … c + (size−1)/2, clipped to the tensor.
 */
public final class LrnKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int channels;
    public int inner;
    public int size;
    public float alpha;
    public float beta;
    public float k;

    @Override
    protected void compute(int id) {
        int i = id % inner;
        int rest = id / inner;
        int c = rest % channels;
        int image = rest / channels;
        int lo = max(0, c - size / 2);
        int hi = min(channels - 1, c + (size - 1) / 2);
        float sum = 0f;
        for (int cc = lo; cc <= hi; cc++) {
            float v = x[(image * channels + cc) * inner + i];
            sum += v * v;
        }
        y[id] = x[id] / pow(k + alpha / size * sum, beta);
    }
}
