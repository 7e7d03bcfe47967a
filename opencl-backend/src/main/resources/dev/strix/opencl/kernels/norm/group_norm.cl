/*
 * group_norm.cl: group normalisation of x [N, C, S] (S = spatial size) in G groups of C/G channels:
 *
 *   y[n][c][s] = (x − mean_{n,g}) / sqrt(var_{n,g} + eps) · w[c] + b[c],  g = c / (C/G)
 *
 * One work-item per (n, g), two passes over its contiguous C/G · S values.
 * Tunables: AFFINE, EPS. Global size: N · G rounded up to the work-group.
 */
#ifndef AFFINE
#define AFFINE 1
#endif
#ifndef EPS
#define EPS 1e-5f
#endif

__kernel void group_norm(__global const float* x, __global const float* w, __global const float* b,
                         __global float* y, const int N, const int C, const int S, const int G) {
    const int job = get_global_id(0);
    if (job >= N * G) {
        return;
    }
    const int cpg = C / G;
    const int count = cpg * S;
    const int base = job * count;
    float mean = 0.0f;
    for (int k = 0; k < count; k++) {
        mean += x[base + k];
    }
    mean /= count;
    float var = 0.0f;
    for (int k = 0; k < count; k++) {
        const float t = x[base + k] - mean;
        var = fma(t, t, var);
    }
    const float rstd = rsqrt(var / count + EPS);
    const int g = job % G;
    for (int k = 0; k < count; k++) {
        float v = (x[base + k] - mean) * rstd;
#if AFFINE
        const int c = g * cpg + k / S;
        v = fma(v, w[c], b[c]);
#endif
        y[base + k] = v;
    }
}
