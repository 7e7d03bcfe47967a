package org.example.strix.mish;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import java.util.List;

/** Input and attribute checks the plugin's image layers share; messages quote the value found. */
final class Checks {
    private Checks() {}

    /** The single [N,C,H,W] input. */
    static Shape onlyImage(List<Shape> inputs) {
        if (inputs.size() != 1 || inputs.get(0).rank() != 4) {
            throw new ShapeException("needs one [N,C,H,W] input, got " + inputs);
        }
        return inputs.get(0);
    }

    /** The required int attribute {@code name}, at least 1. */
    static int positive(Attributes a, String name) {
        int v = a.getInt(name);
        if (v < 1) {
            throw new ShapeException("attribute '" + name + "' must be at least 1, got " + v);
        }
        return v;
    }
}
