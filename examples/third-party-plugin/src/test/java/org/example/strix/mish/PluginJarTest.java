package org.example.strix.mish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a jar: packed from this module's classes, it adds its names to a registry discovered over a class
 * path that holds it, and a class path without it offers none of them — the names come from the jar alone.
 */
class PluginJarTest {
    @TempDir
    Path dir;

    @Test
    void theRegistryOffersTheNamesExactlyWhenTheJarIsOnTheClassPath() throws Exception {
        Path classes = Paths.get(MishPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader withoutPlugin = new Hiding(classes.toUri().toURL().toString(), getClass().getClassLoader());

        Registry without = RegistryFactory.create(RegistryFactory.discover(withoutPlugin), List.of());
        assertThat(without.layerTypeNames()).doesNotContain("mish", "mishnet_pointwise", "mishnet_pool_linear");
        assertThat(without.modelVariants()).doesNotContainKey("mishnet_tiny");
        assertThat(without.backends()).containsKey("reference");

        Path jar = pack(classes, dir.resolve("strix-mish-plugin.jar"));
        try (URLClassLoader withPlugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, withoutPlugin)) {
            Registry with = RegistryFactory.create(RegistryFactory.discover(withPlugin), List.of());
            assertThat(with.layerTypeNames()).contains("mish", "mishnet_pointwise", "mishnet_pool_linear");
            assertThat(with.modelVariants()).containsKey("mishnet_tiny");
            // Loaded from the jar, not from the classes folder the test runs with.
            Class<?> type = with.layerType("mish").getClass();
            assertThat(type.getClassLoader()).isSameAs(withPlugin);
            assertThat(type).isNotSameAs(MishLayer.class);
        }
    }

    /** A jar of everything under {@code classes}: the plugin's classes and its service list. */
    private static Path pack(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }

    /** The test's class path minus this module's classes folder, resources and classes alike. */
    private static final class Hiding extends ClassLoader {
        private final String hidden;

        Hiding(String hiddenLocation, ClassLoader parent) {
            super(parent);
            this.hidden = hiddenLocation;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(MishPlugin.class.getPackageName() + ".")) {
                throw new ClassNotFoundException(name + " is hidden from this class loader");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            URL u = super.getResource(name);
            return u != null && u.toString().startsWith(hidden) ? null : u;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> kept = Collections.list(super.getResources(name)).stream()
                    .filter(u -> !u.toString().startsWith(hidden)).toList();
            return Collections.enumeration(kept);
        }
    }
}
