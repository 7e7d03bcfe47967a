package dev.strix.aparapi.runtime;

import dev.strix.api.StrixException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the caller asks for with the session option {@value #OPTION}: {@code opencl} (every kernel must run as
 * OpenCL; anything else is an error), {@code jtp} (every kernel on the Java thread pool) or {@code any} (OpenCL where
 * it works, the thread pool where it does not, every fallback reported). {@code any} is the default. Without the
 * option, the system property {@value #PROPERTY} or the variable {@value #VARIABLE} may set it.
 */
public enum ModeRequest {
    OPENCL, JTP, ANY;

    /** The session option that carries the request. */
    public static final String OPTION = "aparapi.mode";
    /** The system property read when the session option is absent (the {@code strix} command has no option flag). */
    public static final String PROPERTY = "strix.aparapi.mode";
    /** The environment variable read when neither the option nor the property is set. */
    public static final String VARIABLE = "STRIX_APARAPI_MODE";

    /** The request from {@code option} (the session option's value, may be null), else the property, else the variable. */
    public static ModeRequest resolve(String option) {
        String v = option;
        if (v == null || v.isBlank()) {
            v = System.getProperty(PROPERTY);
        }
        if (v == null || v.isBlank()) {
            v = System.getenv(VARIABLE);
        }
        return parse(v);
    }

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
