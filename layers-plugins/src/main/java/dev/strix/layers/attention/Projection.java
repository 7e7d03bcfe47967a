package dev.strix.layers.attention;

import dev.strix.api.Parallel;

/** nn.Linear over a block of rows, y = x·Wᵀ + b, reading W and b at offsets so one packed qkv matrix serves three. */
final class Projection {
    private Projection() {}

    /**
     * Returns y [rows, out] with y[r, o] = b[bOffset + o] + Σ_i x[r, i] · w[wOffset + o·in + i].
     *
     * @param b the bias array, or null for none
     */
    static float[] apply(float[] x, int rows, int in, float[] w, int wOffset, int out, float[] b, int bOffset) {
        float[] y = new float[rows * out];
        Parallel.forRange(rows, r -> {
            int xr = r * in;
            for (int o = 0; o < out; o++) {
                int wr = wOffset + o * in;
                double acc = b == null ? 0 : b[bOffset + o];
                for (int i = 0; i < in; i++) {
                    acc += (double) x[xr + i] * w[wr + i];
                }
                y[r * out + o] = (float) acc;
            }
        });
        return y;
    }
}
