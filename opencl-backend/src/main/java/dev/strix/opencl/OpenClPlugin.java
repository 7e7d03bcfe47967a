package dev.strix.opencl;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.strix.api.registry.StrixBinder;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.Plugin;
import dev.strix.opencl.builtin.BuiltinKernels;
import dev.strix.opencl.session.OpenClBackend;
import java.util.Collection;

/**
 * Contributes the OpenCL backend ("opencl", priority {@value OpenClBackend#PRIORITY}) and its built-in kernels.
 * The backend is bound by injection so it sees every kernel of the registry it belongs to, including those of
 * third-party plugins; nothing touches OpenCL until the first session is compiled.
 */
public final class OpenClPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-opencl";
    }

    @Override
    public Collection<BackendKernel> backendKernels() {
        return BuiltinKernels.all();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                StrixBinder.backends(binder()).addBinding(OpenClBackend.NAME).to(OpenClBackend.class);
            }
        };
    }
}
