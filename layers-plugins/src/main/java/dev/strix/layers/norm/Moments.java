package dev.strix.layers.norm;

/** Mean and biased variance of strided values, in double, two-pass for accuracy. */
final class Moments {
    private Moments() {}

    /** {mean, 1/√(var + eps)} of {@code count} values of {@code x} from {@code offset} every {@code stride}. */
    static double[] of(float[] x, int offset, int count, int stride, double eps) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += x[offset + i * stride];
        }
        double mean = sum / count;
        double sq = 0;
        for (int i = 0; i < count; i++) {
            double d = x[offset + i * stride] - mean;
            sq += d * d;
        }
        return new double[] {mean, 1 / Math.sqrt(sq / count + eps)};
    }
}
