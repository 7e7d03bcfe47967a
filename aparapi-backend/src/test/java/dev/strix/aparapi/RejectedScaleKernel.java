package dev.strix.aparapi;

import dev.strix.aparapi.kernels.StrixKernel;

/**
 * y[n, c, …] = x[n, c, …] · weight[c], with a local variable named {@code constant}: fine Java, but an OpenCL address
 * space qualifier, so every OpenCL compiler rejects the C that Aparapi generates — a device that rejects a kernel.
 */
public final class RejectedScaleKernel extends StrixKernel {
    public float[] x;
    public float[] weight;
    public float[] y;
    public int channels;
    public int inner;

    @Override
    protected void compute(int i) {
        int constant = (i / inner) % channels;
        y[i] = x[i] * weight[constant];
    }
}
