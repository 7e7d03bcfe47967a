/*
 * cube.cl: y = x³, a test plugin's kernel for its own layer type, built like the built-in files (defines, the
 * common prelude, this file). Tunables: none.
 */
__kernel void cube(__global const float* x, __global float* y, const int n) {
    const int i = get_global_id(0);
    if (i < n) {
        y[i] = x[i] * x[i] * x[i];
    }
}
