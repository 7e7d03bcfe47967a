package dev.strix.api.registry;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ModelFamily;

/**
 * The Guice bindings the registry reads. A plugin module that builds a contribution by injection adds it here,
 * keyed by its name: {@code StrixBinder.backends(binder()).addBinding("opencl").to(OpenClBackend.class)}.
 */
public final class StrixBinder {
    private StrixBinder() {}

    public static MapBinder<String, LayerType> layerTypes(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LayerType.class);
    }

    public static MapBinder<String, ModelFamily> modelFamilies(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, ModelFamily.class);
    }

    public static MapBinder<String, Backend> backends(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, Backend.class);
    }

    public static Multibinder<BackendKernel> backendKernels(Binder binder) {
        return Multibinder.newSetBinder(binder, BackendKernel.class);
    }
}
