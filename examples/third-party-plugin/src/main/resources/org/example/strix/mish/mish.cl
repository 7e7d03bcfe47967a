/*
 * mish.cl: the example plugin's OpenCL kernel for its own layer type, built by Strix's OpenCL backend like a
 * built-in file (generated defines, Strix's common prelude, this file):
 *
 *   y = x · tanh(softplus(x)),  softplus(x) = x above THRESHOLD, else log1p(exp(x))  (as torch.nn.Mish)
 *
 * Tunables: THRESHOLD (default 20, PyTorch's softplus threshold). Global size: n rounded up to the work-group.
 */
#ifndef THRESHOLD
#define THRESHOLD 20.0f
#endif

__kernel void mish(__global const float* x, __global float* y, const int n) {
    const int i = get_global_id(0);
    if (i < n) {
        const float v = x[i];
        const float softplus = v > THRESHOLD ? v : log1p(exp(v));
        y[i] = v * tanh(softplus);
    }
}
