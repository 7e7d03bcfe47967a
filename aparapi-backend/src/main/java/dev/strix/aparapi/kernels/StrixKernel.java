package dev.strix.aparapi.kernels;

import com.aparapi.Kernel;

/**
 * Base of every built-in Aparapi kernel: the activations a kernel may apply to what it writes (so a convolution or
 * a matrix product can end in its ReLU without another pass), written in the Java subset Aparapi translates to
 * OpenCL C — floats only, no {@code switch}, no {@code new}, no library calls but {@link Kernel}'s own math.
 *
 * <p>Kernels are top-level classes: Aparapi 3.0.2 parses class files itself and warns about the {@code NestHost}
 * attribute that Java 11+ writes into nested classes.
 */
public abstract class StrixKernel extends Kernel {
    public static final int IDENTITY = 0;
    public static final int RELU = 1;
    public static final int RELU6 = 2;
    public static final int LEAKY_RELU = 3;
    public static final int ELU = 4;
    public static final int GELU = 5;
    public static final int GELU_TANH = 6;
    public static final int SIGMOID = 7;
    public static final int HARD_SIGMOID = 8;
    public static final int TANH = 9;
    public static final int SILU = 10;
    public static final int HARD_SWISH = 11;

    /** Work items: ids at or past n are the padding of the last work group and do nothing. */
    public int n;

    /**
     * Consecutive items each work item computes: 1 for OpenCL (neighbouring work items then touch neighbouring
     * memory, which a device vectorises), many on the Java thread pool, where each work item costs a call.
     */
    public int span = 1;

    /** Largest finite float; pooling starts below every value it can meet (Aparapi cannot write infinities). */
    protected static final float LOWEST = -3.4028235e38f;
    /** Largest finite float. */
    protected static final float HIGHEST = 3.4028235e38f;

    /** Computes items [id·span, (id+1)·span) ∩ [0, n) of this work item. */
    @Override
    public void run() {
        int first = getGlobalId() * span;
        int end = min(first + span, n);
        for (int id = first; id < end; id++) {
            compute(id);
        }
    }

    /** Computes item {@code id} (below {@link #n}). */
    protected abstract void compute(int id);

    /** {@code op} applied to {@code v}; {@code alpha} is leaky ReLU's slope or ELU's alpha. */
    protected float activate(int op, float alpha, float v) {
        float r = v;
        if (op == RELU) {
            r = max(v, 0f);
        } else if (op == RELU6) {
            r = min(max(v, 0f), 6f);
        } else if (op == LEAKY_RELU) {
            r = v > 0f ? v : v * alpha;
        } else if (op == ELU) {
            r = v > 0f ? v : alpha * expm1(v);
        } else if (op == GELU) {
            r = 0.5f * v * erfc1(v * 0.70710678f);
        } else if (op == GELU_TANH) {
            r = 0.5f * v * (1f + tanh(0.7978845608f * (v + 0.044715f * v * v * v)));
        } else if (op == SIGMOID) {
            r = 1f / (1f + exp(-v));
        } else if (op == HARD_SIGMOID) {
            r = min(max(v + 3f, 0f), 6f) / 6f;
        } else if (op == TANH) {
            r = tanh(v);
        } else if (op == SILU) {
            r = v / (1f + exp(-v));
        } else if (op == HARD_SWISH) {
            r = v * min(max(v + 3f, 0f), 6f) / 6f;
        }
        return r;
    }

    /**
     * 1 + erf(z), from Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). For negative z it evaluates
     * erfc(|z|) directly, so GELU's small negative tail keeps its relative precision.
     */
    protected float erfc1(float z) {
        float a = abs(z);
        float t = 1f / (1f + 0.3275911f * a);
        float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f
                + t * 1.061405429f))));
        float tail = poly * exp(-a * a);
        return z >= 0f ? 2f - tail : tail;
    }
}
