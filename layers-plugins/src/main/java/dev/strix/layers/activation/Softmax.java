package dev.strix.layers.activation;

/** Softmax along {@code axis} (default −1): exp(x − max) / Σ exp(x − max). */
public final class Softmax extends AxisSoftmax {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String description() {
        return "softmax along an axis (default -1)";
    }

    @Override
    void write(float[] in, float[] out, int base, int n, int stride, double max, double sum) {
        for (int i = 0; i < n; i++) {
            int k = base + i * stride;
            out[k] = (float) (Math.exp(in[k] - max) / sum);
        }
    }
}
