package dev.strix.api.spi;

import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import java.util.Objects;

/**
 * One named tensor a layer owns, by its local name ({@code weight}, {@code bias}, {@code running_mean}) in PyTorch's
 * layout. The graph prefixes it with the node's parameter path, giving the state_dict key.
 *
 * @param name local name
 * @param shape PyTorch shape (conv weight [out, in/groups, kh, kw], linear weight [out, in])
 * @param kind trainable weight, float buffer, or integer index buffer
 * @param init how a seeded initializer fills it
 * @param index the fixed value of an {@link Kind#INDEX} buffer (e.g. Swin's relative position index), else null
 */
public record ParamSpec(String name, Shape shape, Kind kind, Init init, IntTensor index) {

    /** What the tensor is to PyTorch: parameter counts include only {@link #WEIGHT}. */
    public enum Kind {
        /** A trainable parameter ({@code model.parameters()}). */
        WEIGHT,
        /** A float buffer such as batch norm's running statistics. */
        BUFFER,
        /** An integer buffer derived from the configuration; loaded as integers when a weights file holds it. */
        INDEX
    }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(init, "init");
        if (kind == Kind.INDEX && index == null) {
            throw new IllegalArgumentException("index buffer '" + name + "' needs its fixed value");
        }
    }

    public static ParamSpec weight(String name, Shape shape, Init init) {
        return new ParamSpec(name, shape, Kind.WEIGHT, init, null);
    }

    public static ParamSpec buffer(String name, Shape shape, Init init) {
        return new ParamSpec(name, shape, Kind.BUFFER, init, null);
    }

    public static ParamSpec index(String name, IntTensor value) {
        return new ParamSpec(name, value.shape(), Kind.INDEX, Init.zeros(), value);
    }

    public boolean trainable() {
        return kind == Kind.WEIGHT;
    }
}
