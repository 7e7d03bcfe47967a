package dev.strix.api.spi;

/**
 * A kernel one backend offers for one layer type. Each backend defines the sub-interface its kernels implement
 * (the OpenCL backend's carries program source and launch logic); a plugin jar contributes kernels for its own
 * layer types through {@link Plugin#backendKernels()}.
 */
public interface BackendKernel {
    /** The backend this kernel is for. */
    String backend();

    /** The layer type it computes. */
    String layerType();
}
