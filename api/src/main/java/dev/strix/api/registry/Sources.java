package dev.strix.api.registry;

import java.net.URL;
import java.security.CodeSource;

/** Says where a contribution came from: its class and the jar or folder that holds it. */
final class Sources {
    private Sources() {}

    static String of(Object o) {
        Class<?> c = o.getClass();
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        return c.getName() + " in " + (location == null ? "an unknown location" : location.getPath());
    }
}
