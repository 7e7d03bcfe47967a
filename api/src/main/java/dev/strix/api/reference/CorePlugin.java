package dev.strix.api.reference;

import dev.strix.api.spi.Backend;
import dev.strix.api.spi.Plugin;
import java.util.Collection;
import java.util.List;

/** Contributes what strix-api itself provides: the reference backend. */
public final class CorePlugin implements Plugin {
    @Override
    public String name() {
        return "strix-core";
    }

    @Override
    public Collection<Backend> backends() {
        return List.of(new ReferenceBackend());
    }
}
