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

/*
 * Trailing-dims layer norm (inner = 1) for CPUs: one work-item per row of D contiguous values, summed and
 * normalised 16 at a time as float16 vectors, the tail one by one. Global size: outer.
 */
__kernel void layer_norm_rows(__global const float* x, __global const float* w, __global const float* b,
                              __global float* y, const int outer, const int D, const int inner) {
    const int row = get_global_id(0);
    __global const float* xr = x + row * D;
    __global float* yr = y + row * D;
    const int full = D / 16 * 16;
    float16 s16 = (float16)(0.0f);
    for (int d = 0; d < full; d += 16) {
        s16 += vload16(0, xr + d);
    }
    float sum = dot(s16.lo.lo, (float4)(1.0f)) + dot(s16.lo.hi, (float4)(1.0f)) + dot(s16.hi.lo, (float4)(1.0f))
            + dot(s16.hi.hi, (float4)(1.0f));
    for (int d = full; d < D; d++) {
        sum += xr[d];
    }
    const float mean = sum / D;
    float16 v16 = (float16)(0.0f);
    for (int d = 0; d < full; d += 16) {
        const float16 t = vload16(0, xr + d) - mean;
        v16 = fma(t, t, v16);
    }
    float var = dot(v16.lo.lo, (float4)(1.0f)) + dot(v16.lo.hi, (float4)(1.0f)) + dot(v16.hi.lo, (float4)(1.0f))
            + dot(v16.hi.hi, (float4)(1.0f));
    for (int d = full; d < D; d++) {
        const float t = xr[d] - mean;
        var = fma(t, t, var);
    }
    const float rstd = rsqrt(var / D + EPS);
    for (int d = 0; d < full; d += 16) {
        float16 v = (vload16(0, xr + d) - mean) * rstd;
#if AFFINE
        v = fma(v, vload16(0, w + d), vload16(0, b + d));
#endif
        vstore16(v, 0, yr + d);
    }
    for (int d = full; d < D; d++) {
        float v = (xr[d] - mean) * rstd;
#if AFFINE
        v = fma(v, w[d], b[d]);
#endif
        yr[d] = v;
    }
}
