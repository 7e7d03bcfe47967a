package dev.strix.detection.head;

/** The two squashing functions YOLO heads apply to raw outputs. */
final class Activations {
    private Activations() {}

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Softmax of {@code v[from .. from+n)} (stride {@code step}) into {@code out[0 .. n)}, max-shifted. */
    static void softmax(float[] v, int from, int n, int step, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, v[from + k * step]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            out[k] = Math.exp(v[from + k * step] - max);
            sum += out[k];
        }
        for (int k = 0; k < n; k++) {
            out[k] /= sum;
        }
    }
}
