package dev.strix.layers.activation;

/** Log-softmax along {@code axis} (default −1): x − max − log Σ exp(x − max). */
public final class LogSoftmax extends AxisSoftmax {
    @Override
    public String name() {
        return "log_softmax";
    }

    @Override
    public String description() {
        return "log-softmax along an axis (default -1)";
    }

    @Override
    void write(float[] in, float[] out, int base, int n, int stride, double max, double sum) {
        double logSum = Math.log(sum);
        for (int i = 0; i < n; i++) {
            int k = base + i * stride;
            out[k] = (float) (in[k] - max - logSum);
        }
    }
}
