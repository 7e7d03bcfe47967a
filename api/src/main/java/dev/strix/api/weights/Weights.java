package dev.strix.api.weights;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Named tensors: the float parameters and buffers of a model, and its integer buffers, keyed by state_dict name.
 * Immutable once built; the tensors themselves are shared, not copied.
 */
public final class Weights {
    private final Map<String, Tensor> floats;
    private final Map<String, IntTensor> integers;
    private final Map<String, String> metadata;
    private final String source;

    private Weights(Map<String, Tensor> floats, Map<String, IntTensor> integers, Map<String, String> metadata,
            String source) {
        this.floats = Collections.unmodifiableMap(new LinkedHashMap<>(floats));
        this.integers = Collections.unmodifiableMap(new LinkedHashMap<>(integers));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.source = source;
    }

    public static Weights empty() {
        return new Weights(Map.of(), Map.of(), Map.of(), "no weights");
    }

    public static Weights of(Map<String, Tensor> floats) {
        return new Weights(floats, Map.of(), Map.of(), "in-memory weights");
    }

    public static Weights of(Map<String, Tensor> floats, Map<String, IntTensor> integers, Map<String, String> metadata,
            String source) {
        return new Weights(floats, integers, metadata, source);
    }

    /** Reads a safetensors file as {@code safetensors.torch.save_file} writes it. */
    public static Weights read(Path file) {
        return Safetensors.read(file);
    }

    /** Writes these weights as a safetensors file (atomically: no partial file on failure). */
    public void write(Path file) {
        Safetensors.write(file, this);
    }

    public Map<String, Tensor> floats() {
        return floats;
    }

    public Map<String, IntTensor> integers() {
        return integers;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** Where these weights came from (a file path, or a description), for error messages. */
    public String source() {
        return source;
    }

    /** The float tensor {@code name}, or null. */
    public Tensor get(String name) {
        return floats.get(name);
    }

    /** All names, float and integer. */
    public Set<String> names() {
        Set<String> all = new LinkedHashSet<>(floats.keySet());
        all.addAll(integers.keySet());
        return all;
    }

    public int size() {
        return floats.size() + integers.size();
    }

    @Override
    public String toString() {
        return "Weights(" + size() + " tensors from " + source + ")";
    }
}
