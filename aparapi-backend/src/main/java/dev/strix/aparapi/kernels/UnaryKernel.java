package dev.strix.aparapi.kernels;

/** y[i] = activation(x[i]) for the activation layers; {@link #IDENTITY} copies. */
public final class UnaryKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int op;
    public float alpha;

    @Override
    protected void compute(int i) {
        y[i] = activate(op, alpha, x[i]);
    }
}
