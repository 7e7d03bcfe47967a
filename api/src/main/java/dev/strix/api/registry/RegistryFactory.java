package dev.strix.api.registry;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.strix.api.StrixException;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.Plugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds a {@link Registry}: one Guice injector over every plugin's contributions and the caller's modules. Two
 * contributions with the same name fail, naming both sources.
 */
public final class RegistryFactory {
    private static final System.Logger LOG = System.getLogger(RegistryFactory.class.getName());

    private RegistryFactory() {}

    /** Plugins found through {@link ServiceLoader} on the class path of {@code loader}. */
    public static List<Plugin> discover(ClassLoader loader) {
        List<Plugin> plugins = new ArrayList<>();
        for (Plugin p : ServiceLoader.load(Plugin.class, loader)) {
            plugins.add(p);
        }
        return plugins;
    }

    /** A registry over {@code plugins} plus {@code modules}. */
    public static Registry create(List<Plugin> plugins, List<Module> modules) {
        List<Module> all = new ArrayList<>();
        all.add(new ContributionModule(plugins));
        for (Plugin p : plugins) {
            if (p.module() != null) {
                all.add(p.module());
            }
        }
        all.addAll(modules);
        try {
            Injector injector = Guice.createInjector(Stage.DEVELOPMENT, all);
            return injector.getInstance(Registry.class);
        } catch (CreationException e) {
            throw new StrixException("plugins could not be registered: " + e.getMessage(), e);
        }
    }

    /** Binds every instance contribution into the registry's MapBinders after checking names are unique. */
    private static final class ContributionModule extends AbstractModule {
        private final List<Plugin> plugins;

        ContributionModule(List<Plugin> plugins) {
            this.plugins = List.copyOf(plugins);
        }

        @Override
        protected void configure() {
            // Declare every map even when empty so the registry can always be injected.
            var layers = StrixBinder.layerTypes(binder());
            var families = StrixBinder.modelFamilies(binder());
            var backends = StrixBinder.backends(binder());
            var kernels = StrixBinder.backendKernels(binder());
            Map<String, String> seenLayers = new HashMap<>();
            Map<String, String> seenFamilies = new HashMap<>();
            Map<String, String> seenBackends = new HashMap<>();
            Map<String, String> seenKernels = new HashMap<>();
            for (Plugin p : plugins) {
                for (LayerType t : p.layerTypes()) {
                    claim("layer type", t.name(), t, p, seenLayers);
                    layers.addBinding(t.name()).toInstance(t);
                }
                for (ModelFamily f : p.modelFamilies()) {
                    claim("model family", f.name(), f, p, seenFamilies);
                    families.addBinding(f.name()).toInstance(f);
                }
                for (Backend b : p.backends()) {
                    claim("backend", b.name(), b, p, seenBackends);
                    backends.addBinding(b.name()).toInstance(b);
                }
                for (BackendKernel k : p.backendKernels()) {
                    claim("backend kernel", k.backend() + "/" + k.layerType(), k, p, seenKernels);
                    kernels.addBinding().toInstance(k);
                }
            }
        }

        private static void claim(String what, String name, Object contribution, Plugin plugin,
                Map<String, String> seen) {
            String source = "plugin " + plugin.name() + ": " + Sources.of(contribution);
            String previous = seen.putIfAbsent(name, source);
            if (previous != null) {
                throw new StrixException(what + " '" + name + "' is contributed twice: by " + previous
                        + " and by " + source);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "registered " + what + " '" + name + "' from " + source);
        }
    }

}
