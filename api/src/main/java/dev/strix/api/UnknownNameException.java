package dev.strix.api;

import java.util.Collection;
import java.util.TreeSet;

/** A layer type, model family, variant or backend that no plugin provides; the message lists the known names. */
public class UnknownNameException extends StrixException {
    private static final long serialVersionUID = 1L;

    public UnknownNameException(String what, String name, Collection<String> known) {
        super("unknown " + what + " '" + name + "'; known: " + String.join(", ", new TreeSet<>(known)));
    }
}
