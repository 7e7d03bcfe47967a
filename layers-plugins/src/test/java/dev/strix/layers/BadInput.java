package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;

/** Asserts that building a one-node graph fails with a message naming the node, the layer type and the fault. */
public final class BadInput {
    private BadInput() {}

    /**
     * Building {@code type} with these attributes and inputs throws a ShapeException whose message names node
     * {@code 'node'}, the layer type and every one of {@code fragments} (the attribute and its value).
     */
    public static void rejected(String type, Attributes attributes, Shape[] inputs, String... fragments) {
        assertThatThrownBy(() -> Layers.graph(type, attributes, inputs))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("node '" + Layers.NODE + "' (" + type + ")")
                .hasMessageContainingAll(fragments);
    }

    public static Shape[] shapes(Shape... inputs) {
        return inputs;
    }
}
