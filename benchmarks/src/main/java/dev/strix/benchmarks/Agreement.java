package dev.strix.benchmarks;

/** How far an engine's output is from PyTorch's: relative L2 error, {@code ||actual - expected|| / ||expected||}. */
public final class Agreement {
    /**
     * The largest relative L2 error at which an output counts as agreeing with PyTorch's. Whole float32 networks
     * of 50+ layers summed in a different order than PyTorch's land around 1e-6..1e-5; 1e-3 leaves room for
     * that and still catches a wrong layer, which gives errors of order 1.
     */
    public static final double TOLERANCE = 1e-3;

    private Agreement() {}

    /** Relative L2 error of {@code actual} against {@code expected}; fails on different lengths. */
    public static double relativeL2(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new BenchmarkException("cannot compare outputs of " + actual.length + " and " + expected.length
                    + " elements");
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = (double) actual[i] - expected[i];
            diff += d * d;
            norm += (double) expected[i] * expected[i];
        }
        if (norm == 0) {
            // An all-zero reference makes every relative error meaningless; export.py refuses such samples.
            throw new BenchmarkException("the expected output is all zeros: a relative error means nothing");
        }
        return Math.sqrt(diff / norm);
    }

    public static boolean agrees(double relativeL2) {
        return relativeL2 <= TOLERANCE;
    }
}
