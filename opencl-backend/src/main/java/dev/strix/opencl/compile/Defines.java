package dev.strix.opencl.compile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tunables and configuration of one kernel build, rendered as the {@code #define} block the host prepends to
 * the kernel source. Sorted by name, so equal configurations give equal cache keys.
 */
public final class Defines {
    private final TreeMap<String, String> values = new TreeMap<>();

    public static Defines of() {
        return new Defines();
    }

    public Defines set(String name, long value) {
        values.put(name, Long.toString(value));
        return this;
    }

    /** A float define, written as an OpenCL float literal. */
    public Defines setFloat(String name, double value) {
        values.put(name, floatLiteral(value));
        return this;
    }

    public Defines setAll(Defines other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The {@code #define} lines. */
    public String block() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append("#define ").append(k).append(' ').append(v).append('\n'));
        return b.toString();
    }

    static String floatLiteral(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + " as an OpenCL constant");
        }
        return "(" + Float.toString((float) v).replace("E", "e") + "f)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Defines d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
