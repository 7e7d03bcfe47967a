/*
 * layer_norm.cl: normalises D values at stride `inner` of x viewed as [outer, D, inner] (trailing-dims layer norm:
 * inner = 1; ConvNeXt's channels-first LayerNorm2d: D = C, inner = H·W):
 *
 *   y = (x − mean) / sqrt(var + eps) · w[d] + b[d]   (biased variance, two passes)
 *
 * Tunables: AFFINE (1: apply w and b), EPS. Global size: outer · inner rounded up to the work-group.
 */
#ifndef AFFINE
#define AFFINE 1
#endif
#ifndef EPS
#define EPS 1e-5f
#endif

__kernel void layer_norm(__global const float* x, __global const float* w, __global const float* b,
                         __global float* y, const int outer, const int D, const int inner) {
    const int row = get_global_id(0);
    if (row >= outer * inner) {
        return;
    }
    const int o = row / inner;
    const int i = row - o * inner;
    const int base = o * D * inner + i;
    float mean = 0.0f;
    for (int d = 0; d < D; d++) {
        mean += x[base + d * inner];
    }
    mean /= D;
    float var = 0.0f;
    for (int d = 0; d < D; d++) {
        const float t = x[base + d * inner] - mean;
        var = fma(t, t, var);
    }
    const float rstd = rsqrt(var / D + EPS);
    for (int d = 0; d < D; d++) {
        float v = (x[base + d * inner] - mean) * rstd;
#if AFFINE
        v = fma(v, w[d], b[d]);
#endif
        y[base + d * inner] = v;
    }
}
