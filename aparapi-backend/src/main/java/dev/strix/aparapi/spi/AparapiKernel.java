package dev.strix.aparapi.spi;

import dev.strix.api.spi.BackendKernel;

/**
 * How the Aparapi backend computes one layer type: the Aparapi kernels (top-level {@link com.aparapi.Kernel}
 * subclasses in the Java subset Aparapi translates) a node of that type launches. Built-in layer types have one
 * each; a plugin jar that adds a layer type contributes its own through
 * {@link dev.strix.api.spi.Plugin#backendKernels()}.
 */
public interface AparapiKernel extends BackendKernel {
    /** The backend's registry name. */
    String BACKEND = "aparapi";

    @Override
    default String backend() {
        return BACKEND;
    }

    /**
     * Whether a node's first output is its first input unchanged (reshape, dropout at inference …): the session then
     * shares the array and launches nothing.
     */
    default boolean isView() {
        return false;
    }

    /**
     * Whether this kernel computes the whole of a composite node (a fused kernel); the session then does not expand
     * the node. Ignored for primitive layer types.
     */
    default boolean fusesComposite() {
        return false;
    }

    /** Adds the launches that compute {@code node}'s outputs from its inputs, in order. */
    void build(NodeContext node);
}
