package dev.strix.api.spi;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import java.util.List;

/**
 * A small configuration of a layer type that every backend's test kit runs and compares with the reference
 * forward. A layer type lists the configurations that cover its options.
 *
 * @param label a short description, shown in test reports
 * @param inputs input shapes
 * @param attributes attributes of the node
 */
public record LayerExample(String label, List<Shape> inputs, Attributes attributes) {
    public LayerExample {
        inputs = List.copyOf(inputs);
    }

    public static LayerExample of(String label, Attributes attributes, Shape... inputs) {
        return new LayerExample(label, List.of(inputs), attributes);
    }
}
