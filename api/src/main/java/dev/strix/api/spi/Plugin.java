package dev.strix.api.spi;

import com.google.inject.Module;
import java.util.Collection;
import java.util.List;

/**
 * The one entry point of a plugin jar, found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.strix.api.spi.Plugin}). Every method has a default returning nothing, so a plugin
 * overrides only what it adds. Contributions that need injection go in {@link #module()}, bound with
 * {@link dev.strix.api.registry.StrixBinder}.
 */
public interface Plugin {

    /** A name for logs and duplicate reports; the class name by default. */
    default String name() {
        return getClass().getName();
    }

    default Collection<LayerType> layerTypes() {
        return List.of();
    }

    default Collection<ModelFamily> modelFamilies() {
        return List.of();
    }

    default Collection<Backend> backends() {
        return List.of();
    }

    default Collection<BackendKernel> backendKernels() {
        return List.of();
    }

    /** A Guice module for contributions built by injection; null for none. Must have no side effects. */
    default Module module() {
        return null;
    }
}
