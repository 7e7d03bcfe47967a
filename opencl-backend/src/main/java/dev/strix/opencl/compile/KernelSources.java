package dev.strix.opencl.compile;

import dev.strix.api.DeviceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads kernel files: {@code .cl} resources under {@code dev/strix/opencl/kernels/<group>/<name>.cl}, each built as
 * the generated define block, then the shared {@code common.cl} prelude, then the file. A third-party kernel passes
 * its own class loader and resource path.
 */
public final class KernelSources {
    /** Where built-in kernel files live, relative to the class path root. */
    public static final String ROOT = "dev/strix/opencl/kernels/";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KernelSources() {}

    /** The text of the built-in kernel file {@code group/name} (without {@code .cl}). */
    public static String builtIn(String file) {
        return resource(KernelSources.class.getClassLoader(), ROOT + file + ".cl");
    }

    /** The shared prelude: the activation epilogue and helpers every kernel may use. */
    public static String common() {
        return builtIn("common");
    }

    /** The text of {@code path} on {@code loader}'s class path. */
    public static String resource(ClassLoader loader, String path) {
        return CACHE.computeIfAbsent(System.identityHashCode(loader) + ":" + path, k -> {
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new DeviceException("kernel source '" + path + "' is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DeviceException("cannot read kernel source '" + path + "': " + e.getMessage(), e);
            }
        });
    }

    /** The full program text: defines, the common prelude, the kernel file. */
    public static String assemble(Defines defines, String body) {
        return defines.block() + "\n" + common() + "\n" + body;
    }
}
