package dev.strix.layers.activation;

/**
 * The error function in double precision (Java has none): its Maclaurin series below |x| = 3, where the terms
 * stay small enough not to cancel, and the continued fraction of erfc beyond, which converges fast there.
 */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Erf() {}

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        double r = ax < 3 ? series(ax) : 1 - erfcFraction(ax);
        return x < 0 ? -r : r;
    }

    /** erf(x) = 2/√π · Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)). */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 100; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail, for x ≥ 3. */
    private static double erfcFraction(double x) {
        if (x > 27) {
            return 0;
        }
        double f = x;
        for (int k = 60; k >= 1; k--) {
            f = x + (k / 2.0) / f;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
