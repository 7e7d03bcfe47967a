package dev.strix.opencl.builtin.activation;

import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Activation;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import java.util.Arrays;
import java.util.List;

/**
 * A standalone element-wise activation ({@code activation/activation.cl}); most activations are instead fused into
 * the convolution or linear before them.
 */
public final class ActivationKernel implements OpenClKernel {
    /** The layer types computed by STRIX_ACT. */
    public static final List<String> TYPES = List.of("relu", "relu6", "leaky_relu", "elu", "gelu", "sigmoid",
            "hard_sigmoid", "tanh", "silu", "hard_swish");

    private final String type;

    public ActivationKernel(String type) {
        this.type = type;
    }

    /** One kernel per activation layer type. */
    public static List<OpenClKernel> all() {
        return TYPES.stream().map(t -> (OpenClKernel) new ActivationKernel(t)).toList();
    }

    @Override
    public String layerType() {
        return type;
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Activation.Resolved act = Activation.of(type, ctx.attributes()).orElseThrow();
        Defines d = new Epilogue(act.activation(), act.alpha(), false).defines();
        ClKernel k = ctx.kernel("activation/activation", "activation", d);
        int n = ctx.outputShape(0).elementCount();
        return Launches.elementwise(k, ctx, n, io -> k.arg(0, io.input(0)).arg(1, io.output(0)).arg(2, n));
    }

    @Override
    public String toString() {
        return "ActivationKernel" + Arrays.asList(type);
    }
}
