package dev.strix.aparapi;

import dev.strix.aparapi.layers.BuiltinKernels;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/** Contributes the Aparapi backend and its kernels for the built-in layer types. */
public final class AparapiPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-aparapi";
    }

    @Override
    public Collection<Backend> backends() {
        return List.of(new AparapiBackend());
    }

    @Override
    public Collection<BackendKernel> backendKernels() {
        return List.copyOf(BuiltinKernels.all());
    }
}
