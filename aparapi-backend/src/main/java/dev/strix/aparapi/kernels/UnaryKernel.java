package dev.strix.aparapi.kernels;

/** y[i] = activation(x[i]) for the activation layers; {@link #IDENTITY} copies. */
public final class UnaryKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int n;
    public int op;
    public float alpha;

    @Override
    public void run() {
        int i = getGlobalId();
        if (i < n) {
            y[i] = activate(op, alpha, x[i]);
        }
    }
}
