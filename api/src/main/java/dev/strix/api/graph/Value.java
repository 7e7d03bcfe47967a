package dev.strix.api.graph;

import dev.strix.api.Shape;

/**
 * An edge of a graph: output {@code output} of the node (or graph input) called {@code producer}, with its shape.
 */
public record Value(String producer, int output, Shape shape) {
    @Override
    public String toString() {
        return output == 0 ? producer : producer + ":" + output;
    }
}
