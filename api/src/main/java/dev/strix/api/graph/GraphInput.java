package dev.strix.api.graph;

import dev.strix.api.Shape;

/** A named input of a graph with its shape (batch first). */
public record GraphInput(String name, Shape shape) {
    public Value value() {
        return new Value(name, 0, shape);
    }
}
