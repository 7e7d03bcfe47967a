package dev.strix.layers.attention;

import dev.strix.api.Parallel;

/** nn.Linear over a block of rows, y = x·Wᵀ + b, reading W and b at offsets so one packed qkv matrix serves three. */
final class Projection {
    /** Outputs computed together: their independent accumulators keep the FPU busy and share each load of x. */
    private static final int BLOCK = 4;

    private Projection() {}

    /**
     * Returns y [rows, out] with y[r, o] = b[bOffset + o] + Σ_i x[r, i] · w[wOffset + o·in + i], accumulated in
     * double.
     *
     * @param b the bias array, or null for none
     */
    static float[] apply(float[] x, int rows, int in, float[] w, int wOffset, int out, float[] b, int bOffset) {
        float[] y = new float[rows * out];
        Parallel.forRange(rows, r -> {
            int xr = r * in;
            double[] acc = new double[BLOCK];
            for (int o0 = 0; o0 < out; o0 += BLOCK) {
                int n = Math.min(BLOCK, out - o0);
                if (n == BLOCK) {
                    dot4(x, xr, in, w, wOffset + o0 * in, acc);
                } else {
                    for (int k = 0; k < n; k++) {
                        acc[k] = dot(x, xr, in, w, wOffset + (o0 + k) * in);
                    }
                }
                for (int k = 0; k < n; k++) {
                    y[r * out + o0 + k] = (float) (acc[k] + (b == null ? 0 : b[bOffset + o0 + k]));
                }
            }
        });
        return y;
    }

    private static double dot(float[] x, int xr, int in, float[] w, int wr) {
        double acc = 0;
        for (int i = 0; i < in; i++) {
            acc += (double) x[xr + i] * w[wr + i];
        }
        return acc;
    }

    /** Four dot products of one row of x with four consecutive rows of w. */
    private static void dot4(float[] x, int xr, int in, float[] w, int wr, double[] acc) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        for (int i = 0; i < in; i++) {
            double v = x[xr + i];
            a0 += v * w[wr + i];
            a1 += v * w[wr + in + i];
            a2 += v * w[wr + 2 * in + i];
            a3 += v * w[wr + 3 * in + i];
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
    }
}
