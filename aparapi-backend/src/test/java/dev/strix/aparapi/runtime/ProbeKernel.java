package dev.strix.aparapi.runtime;

import dev.strix.aparapi.kernels.StrixKernel;

/** y = 2x; a kernel class of its own so Aparapi's per-class profile shows exactly where the test ran it. */
public final class ProbeKernel extends StrixKernel {
    public float[] x;
    public float[] y;

    @Override
    protected void compute(int i) {
        y[i] = 2f * x[i];
    }
}
