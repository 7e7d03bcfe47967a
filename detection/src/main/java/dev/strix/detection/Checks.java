package dev.strix.detection;

/** Argument checks shared by the detection packages, each failing with a {@link DetectionException} naming the value. */
public final class Checks {
    private Checks() {}

    /** {@code value} if it lies in [0, 1]; NaN fails too. */
    public static double unitInterval(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new DetectionException(what + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** {@code value} if it is at least 1. */
    public static int positive(String what, int value) {
        if (value < 1) {
            throw new DetectionException(what + " must be at least 1, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and greater than 0. */
    public static double positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new DetectionException(what + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** Fails naming {@code what} and the index of the first NaN or infinity in {@code values}. */
    public static void finite(String what, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new DetectionException(what + " has a non-finite value " + values[i] + " at index " + i);
            }
        }
    }
}
