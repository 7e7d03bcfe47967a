package dev.strix.opencl.kernel;

import dev.strix.opencl.compile.Defines;

/**
 * What a producer applies after its own bias when the backend fused following nodes into it: an optional residual
 * add (a tensor of the output's shape), then an optional activation. Rendered as the defines {@code HAS_RESIDUAL},
 * {@code ACT} and {@code ACT_ALPHA} that {@code common.cl}'s {@code STRIX_ACT} reads.
 *
 * @param activation the activation code (see {@link Activation})
 * @param alpha the activation's parameter (leaky_relu's slope, elu's alpha), else 0
 * @param residual whether a residual operand is added before the activation
 */
public record Epilogue(Activation activation, double alpha, boolean residual) {
    /** Nothing after the bias. */
    public static final Epilogue NONE = new Epilogue(Activation.NONE, 0, false);

    public Epilogue withResidual() {
        return new Epilogue(activation, alpha, true);
    }

    public Epilogue withActivation(Activation a, double alphaValue) {
        return new Epilogue(a, alphaValue, residual);
    }

    public boolean isNone() {
        return activation == Activation.NONE && !residual;
    }

    /** The defines a kernel file reads through {@code common.cl}. */
    public Defines defines() {
        return Defines.of().set("ACT", activation.code()).setFloat("ACT_ALPHA", alpha).set("HAS_RESIDUAL",
                residual ? 1 : 0);
    }
}
