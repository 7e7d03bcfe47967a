package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.layers.LayerChecks;

/**
 * Build-time checks of the attention and block layers beyond {@link LayerChecks}: head counts and configurable
 * parameter names. Each failure is a {@link ShapeException} naming the attribute and its value.
 */
public final class Require {
    private Require() {}

    /** The required {@code num_heads} attribute, which must divide dimension {@code axis} of input x. */
    public static int heads(Attributes a, Shape x, int axis, String dimName) {
        int heads = LayerChecks.positive(a, "num_heads");
        if (x.dim(axis) % heads != 0) {
            throw new ShapeException("attribute 'num_heads' = " + heads + " does not divide the " + dimName + " "
                    + x.dim(axis) + " of input x " + x);
        }
        return heads;
    }

    /** A string attribute used as (the start of) a parameter's local name: non-empty, no leading or trailing dot. */
    public static String paramName(Attributes a, String name, String fallback) {
        String v = a.getString(name, fallback);
        if (v.isEmpty() || v.startsWith(".") || v.endsWith(".")) {
            throw new ShapeException("attribute '" + name + "' = \"" + v + "\" is not a usable parameter name");
        }
        return v;
    }
}
