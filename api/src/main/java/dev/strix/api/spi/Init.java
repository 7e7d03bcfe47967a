package dev.strix.api.spi;

/**
 * How a seeded initializer fills a parameter. Fans follow PyTorch: fan_in = shape[1] × receptive field,
 * fan_out = shape[0] × receptive field.
 *
 * @param kind the distribution
 * @param a the constant, standard deviation, bound or gain, depending on {@code kind}
 */
public record Init(Kind kind, double a) {

    public enum Kind {
        /** All {@code a}. */
        CONSTANT,
        /** Normal with mean 0 and standard deviation {@code a}. */
        NORMAL,
        /** Normal with mean 0, std {@code a}, redrawn outside ±2 std (timm's trunc_normal_). */
        TRUNCATED_NORMAL,
        /** Uniform on [-a, a]. */
        UNIFORM,
        /** He (Kaiming) normal, std = sqrt(2 / fan_out), as torchvision initialises convolutions. */
        HE_NORMAL,
        /** Xavier (Glorot) uniform, bound = sqrt(6 / (fan_in + fan_out)). */
        XAVIER_UNIFORM,
        /** PyTorch's default for linear and conv layers: uniform ±1/sqrt(fan_in). */
        FAN_IN_UNIFORM
    }

    public static Init zeros() {
        return new Init(Kind.CONSTANT, 0);
    }

    public static Init ones() {
        return new Init(Kind.CONSTANT, 1);
    }

    public static Init constant(double value) {
        return new Init(Kind.CONSTANT, value);
    }

    public static Init normal(double std) {
        return new Init(Kind.NORMAL, std);
    }

    public static Init truncatedNormal(double std) {
        return new Init(Kind.TRUNCATED_NORMAL, std);
    }

    public static Init uniform(double bound) {
        return new Init(Kind.UNIFORM, bound);
    }

    public static Init he() {
        return new Init(Kind.HE_NORMAL, 0);
    }

    public static Init xavier() {
        return new Init(Kind.XAVIER_UNIFORM, 0);
    }

    public static Init fanInUniform() {
        return new Init(Kind.FAN_IN_UNIFORM, 0);
    }
}
