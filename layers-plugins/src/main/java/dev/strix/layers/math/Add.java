package dev.strix.layers.math;

/** a + b with NumPy broadcasting. */
public final class Add extends BinaryElementwise {
    @Override
    public String name() {
        return "add";
    }

    @Override
    public String description() {
        return "element-wise sum with broadcasting";
    }

    @Override
    Broadcast.Op op() {
        return Float::sum;
    }
}
