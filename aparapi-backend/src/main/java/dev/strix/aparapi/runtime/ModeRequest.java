package dev.strix.aparapi.runtime;

import dev.strix.api.StrixException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the caller asks for with the session option {@value #OPTION}: {@code opencl} (every kernel must run as
 * OpenCL; anything else is an error), {@code jtp} (every kernel on the Java thread pool) or {@code any} (OpenCL where
 * it works, the thread pool where it does not, every fallback reported). {@code any} is the default.
 */
public enum ModeRequest {
    OPENCL, JTP, ANY;

    /** The session option that carries the request. */
    public static final String OPTION = "aparapi.mode";

    /** Parses an option value, failing with a message that quotes it. */
    public static ModeRequest parse(String value) {
        if (value == null || value.isBlank()) {
            return ANY;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StrixException("session option '" + OPTION + "' must be one of "
                    + Arrays.toString(new String[] {"opencl", "jtp", "any"}) + ", got '" + value + "'");
        }
    }

    /** Whether a kernel that cannot run as OpenCL may move to the Java thread pool. */
    public boolean allowsFallback() {
        return this == ANY;
    }
}
