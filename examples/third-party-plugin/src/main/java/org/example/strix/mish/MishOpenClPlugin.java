package org.example.strix.mish;

import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/**
 * Contributes the OpenCL kernel for {@code mish} when Strix's OpenCL backend (strix-opencl) is on the class path;
 * without it this plugin contributes nothing and the layer runs wherever its reference forward does. A separate
 * plugin from {@link MishPlugin} so the layer and model never depend on the OpenCL jar.
 */
public final class MishOpenClPlugin implements Plugin {
    @Override
    public String name() {
        return "example-mish-opencl";
    }

    @Override
    public Collection<BackendKernel> backendKernels() {
        try {
            Class.forName("dev.strix.opencl.kernel.OpenClKernel", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return List.of();
        }
        return List.of(new MishOpenClKernel());
    }
}
