package dev.strix.layers.math;

/** a · b with NumPy broadcasting. */
public final class Mul extends BinaryElementwise {
    @Override
    public String name() {
        return "mul";
    }

    @Override
    public String description() {
        return "element-wise product with broadcasting";
    }

    @Override
    Broadcast.Op op() {
        return (a, b) -> a * b;
    }
}
