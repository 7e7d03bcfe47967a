package dev.strix.api;

import com.google.inject.Module;
import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.spi.Plugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point: the registry over every plugin on the class path.
 *
 * <pre>{@code
 * Registry registry = Strix.registry();
 * Graph graph = registry.model("resnet50", ModelOptions.defaults());
 * try (Session s = registry.bestBackend().orElseThrow().compile(graph, Weights.read(path), SessionOptions.defaults())) {
 *     Tensor logits = s.run(image);
 * }
 * }</pre>
 */
public final class Strix {
    private static volatile Registry defaultRegistry;

    private Strix() {}

    /** The registry over the plugins found on the class path (built once, then shared). */
    public static Registry registry() {
        Registry r = defaultRegistry;
        if (r == null) {
            synchronized (Strix.class) {
                r = defaultRegistry;
                if (r == null) {
                    r = RegistryFactory.create(RegistryFactory.discover(Strix.class.getClassLoader()), List.of());
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /** A new registry over the discovered plugins plus the caller's Guice modules. */
    public static Registry registry(Module... extraModules) {
        return RegistryFactory.create(RegistryFactory.discover(Strix.class.getClassLoader()),
                Arrays.asList(extraModules));
    }

    /** A new registry over the discovered plugins plus {@code extraPlugins}. */
    public static Registry registryWith(Plugin... extraPlugins) {
        List<Plugin> all = new ArrayList<>(RegistryFactory.discover(Strix.class.getClassLoader()));
        all.addAll(Arrays.asList(extraPlugins));
        return RegistryFactory.create(all, List.of());
    }
}
