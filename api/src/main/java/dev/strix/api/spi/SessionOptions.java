package dev.strix.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to compile a session.
 *
 * @param device device id or name fragment; null lets the backend choose (system property {@code strix.device},
 *     variable {@code STRIX_DEVICE}, then the best device)
 * @param extra backend-specific options (such as Aparapi's required mode)
 */
public record SessionOptions(String device, Map<String, String> extra) {
    public SessionOptions {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static SessionOptions defaults() {
        return new SessionOptions(null, Map.of());
    }

    public SessionOptions withDevice(String d) {
        return new SessionOptions(d, extra);
    }

    public SessionOptions with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.put(key, value);
        return new SessionOptions(device, m);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(extra.get(key));
    }

    /** The device asked for: this option, else {@code strix.device}, else {@code STRIX_DEVICE}, else empty. */
    public Optional<String> requestedDevice() {
        if (device != null && !device.isBlank()) {
            return Optional.of(device);
        }
        String p = System.getProperty("strix.device");
        if (p != null && !p.isBlank()) {
            return Optional.of(p);
        }
        String e = System.getenv("STRIX_DEVICE");
        return e == null || e.isBlank() ? Optional.empty() : Optional.of(e);
    }
}
