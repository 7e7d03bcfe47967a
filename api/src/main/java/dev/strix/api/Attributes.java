package dev.strix.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable, typed attributes of a node: ints, int arrays, doubles, double arrays, booleans and strings, keyed by
 * name and kept in insertion order. A getter for a missing attribute without a default, or of the wrong type,
 * fails naming the attribute.
 */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());
    private final Map<String, Object> values;

    private Attributes(Map<String, Object> values) {
        this.values = values;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder that starts from these attributes. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The raw value (Integer, int[], Double, double[], Boolean or String), or null. Arrays are copies. */
    public Object raw(String name) {
        Object v = values.get(name);
        if (v instanceof int[] a) {
            return a.clone();
        }
        if (v instanceof double[] a) {
            return a.clone();
        }
        return v;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String k : values.keySet()) {
            copy.put(k, raw(k));
        }
        return Collections.unmodifiableMap(copy);
    }

    public int getInt(String name) {
        return typed(name, Integer.class);
    }

    public int getInt(String name, int fallback) {
        return has(name) ? getInt(name) : fallback;
    }

    /** An int array; a single int attribute is returned as a one-element array. */
    public int[] getInts(String name) {
        Object v = require(name);
        if (v instanceof Integer i) {
            return new int[] {i};
        }
        if (v instanceof int[] a) {
            return a.clone();
        }
        throw wrongType(name, "int[]", v);
    }

    public int[] getInts(String name, int... fallback) {
        return has(name) ? getInts(name) : fallback.clone();
    }

    /** An int array of exactly {@code n} entries; a single int is repeated {@code n} times (PyTorch's convention). */
    public int[] getInts(String name, int n, int fallback) {
        if (!has(name)) {
            int[] r = new int[n];
            Arrays.fill(r, fallback);
            return r;
        }
        int[] v = getInts(name);
        if (v.length == 1 && n > 1) {
            int[] r = new int[n];
            Arrays.fill(r, v[0]);
            return r;
        }
        if (v.length != n) {
            throw new ShapeException("attribute '" + name + "' needs " + n + " values, got " + Arrays.toString(v));
        }
        return v;
    }

    public double getDouble(String name) {
        Object v = require(name);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw wrongType(name, "double", v);
    }

    public double getDouble(String name, double fallback) {
        return has(name) ? getDouble(name) : fallback;
    }

    public float getFloat(String name, float fallback) {
        return has(name) ? (float) getDouble(name) : fallback;
    }

    public double[] getDoubles(String name) {
        Object v = require(name);
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof Double d) {
            return new double[] {d};
        }
        if (v instanceof int[] a) {
            return Arrays.stream(a).asDoubleStream().toArray();
        }
        throw wrongType(name, "double[]", v);
    }

    public boolean getBoolean(String name) {
        return typed(name, Boolean.class);
    }

    public boolean getBoolean(String name, boolean fallback) {
        return has(name) ? getBoolean(name) : fallback;
    }

    public String getString(String name) {
        return typed(name, String.class);
    }

    public String getString(String name, String fallback) {
        return has(name) ? getString(name) : fallback;
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = require(name);
        if (!type.isInstance(v)) {
            throw wrongType(name, type.getSimpleName(), v);
        }
        return type.cast(v);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new ShapeException("attribute '" + name + "' is required but missing");
        }
        return v;
    }

    private static ShapeException wrongType(String name, String expected, Object v) {
        return new ShapeException("attribute '" + name + "' must be " + expected + " but is "
                + v.getClass().getSimpleName() + " " + format(v));
    }

    static String format(Object v) {
        if (v instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes other) || !values.keySet().equals(other.values.keySet())) {
            return false;
        }
        for (var e : values.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), other.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (var e : values.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (var e : values.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return b.append('}').toString();
    }

    /** Collects attributes; each {@code put} replaces an earlier value of the same name. */
    public static final class Builder {
        private final Map<String, Object> values;

        private Builder(Map<String, Object> values) {
            this.values = values;
        }

        public Builder put(String name, int value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, int... value) {
            values.put(name, value.clone());
            return this;
        }

        public Builder put(String name, double value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, double... value) {
            values.put(name, value.clone());
            return this;
        }

        public Builder put(String name, boolean value) {
            values.put(name, value);
            return this;
        }

        public Builder put(String name, String value) {
            values.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public Attributes build() {
            return values.isEmpty() ? EMPTY : new Attributes(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
