package dev.strix.opencl.builtin;

import dev.strix.api.spi.BackendKernel;
import dev.strix.opencl.builtin.conv.Conv2dKernel;
import java.util.List;

/** Every built-in OpenCL kernel, one per layer type of layers-plugins. */
public final class BuiltinKernels {
    private BuiltinKernels() {}

    public static List<BackendKernel> all() {
        return List.of(new Conv2dKernel());
    }
}
