package dev.strix.aparapi.runtime;

import dev.strix.api.StrixException;
import java.util.Locale;

/**
 * How kernels exchange arrays with their device, from the session option {@value #OPTION}: {@code auto} (default)
 * lets Aparapi move every array inside each run's one wait on a device that computes in host memory, where the
 * buffers are the Java arrays themselves, and moves them explicitly elsewhere (constants once, inputs before and
 * outputs after every run); {@code explicit} moves them explicitly on every device. A GPU gets explicit transfers
 * either way: the option lets a CPU device run (and test) the path a GPU takes.
 */
public enum Transfers {
    AUTO, EXPLICIT;

    /** The session option that chooses. */
    public static final String OPTION = "aparapi.transfers";

    /** Parses an option value (null or blank: {@link #AUTO}), failing with a message that quotes it. */
    public static Transfers parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StrixException("session option '" + OPTION + "' must be auto or explicit, got '" + value + "'");
        }
    }
}
