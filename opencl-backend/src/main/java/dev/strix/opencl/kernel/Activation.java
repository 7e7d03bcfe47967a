package dev.strix.opencl.kernel;

import dev.strix.api.Attributes;
import java.util.Optional;

/**
 * The element-wise activations {@code common.cl} implements as {@code STRIX_ACT}, by code. The codes are the
 * {@code ACT} define; keep them in step with common.cl.
 */
public enum Activation {
    NONE(0), RELU(1), RELU6(2), LEAKY_RELU(3), ELU(4), GELU(5), GELU_TANH(6), SIGMOID(7), HARD_SIGMOID(8), TANH(9),
    SILU(10), HARD_SWISH(11);

    private final int code;

    Activation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** An activation layer and its parameter. */
    public record Resolved(Activation activation, double alpha) {}

    /** The activation computed by layer type {@code layer} with {@code a}, if it is one. */
    public static Optional<Resolved> of(String layer, Attributes a) {
        return Optional.ofNullable(switch (layer) {
            case "relu" -> new Resolved(RELU, 0);
            case "relu6" -> new Resolved(RELU6, 0);
            case "leaky_relu" -> new Resolved(LEAKY_RELU, a.getDouble("negative_slope", 0.01));
            case "elu" -> new Resolved(ELU, a.getDouble("alpha", 1.0));
            case "gelu" -> new Resolved("tanh".equals(a.getString("approximate", "none")) ? GELU_TANH : GELU, 0);
            case "sigmoid" -> new Resolved(SIGMOID, 0);
            case "hard_sigmoid" -> new Resolved(HARD_SIGMOID, 0);
            case "tanh" -> new Resolved(TANH, 0);
            case "silu" -> new Resolved(SILU, 0);
            case "hard_swish" -> new Resolved(HARD_SWISH, 0);
            default -> null;
        });
    }
}
