package dev.strix.api.spi;

import java.util.Collection;

/** Looks up layer types by name; the {@link dev.strix.api.registry.Registry} is the usual implementation. */
public interface LayerTypes {
    /** The layer type called {@code name}; throws {@link dev.strix.api.UnknownNameException} listing known names. */
    LayerType layerType(String name);

    Collection<String> layerTypeNames();
}
