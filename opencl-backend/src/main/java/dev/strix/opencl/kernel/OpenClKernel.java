package dev.strix.opencl.kernel;

import dev.strix.api.graph.Node;
import dev.strix.api.spi.BackendKernel;
import dev.strix.opencl.device.ClDevice;

/**
 * An OpenCL kernel for one layer type: the OpenCL backend's plugin point. A plugin jar contributes one through
 * {@link dev.strix.api.spi.Plugin#backendKernels()}; the backend finds it through the registry and calls
 * {@link #prepare} once per session and node, then the returned {@link Step} once per run.
 *
 * <p>Kernel code lives in {@code .cl} resources with tunables as {@code #define}s (see {@link KernelContext#kernel}).
 * Implementations are stateless and thread-safe; everything per session lives in what {@code prepare} returns.
 */
public interface OpenClKernel extends BackendKernel {
    /** The backend name these kernels are for. */
    String BACKEND = "opencl";

    @Override
    default String backend() {
        return BACKEND;
    }

    /**
     * Whether this kernel computes {@code node} on {@code device}; a configuration it declines runs through the
     * layer's reference forward on the host. The default is every configuration.
     */
    default boolean supports(Node node, ClDevice device) {
        return true;
    }

    /**
     * Whether this kernel applies {@link KernelContext#epilogue()} — a fused residual add and activation after its
     * own bias. Only such kernels get fused producers; the default is false.
     */
    default boolean fusesEpilogue() {
        return false;
    }

    /**
     * Builds the programs and uploads the constants this node needs (all owned by the session) and returns what to
     * enqueue on each run. Called once per session, never during a run.
     */
    Step prepare(KernelContext context);
}
