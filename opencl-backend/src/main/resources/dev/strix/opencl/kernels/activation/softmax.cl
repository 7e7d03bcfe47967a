/*
 * softmax.cl: softmax (or, with LOG = 1, log_softmax) along one axis of x viewed as [outer, D, inner]:
 *
 *   y[o][d][i] = exp(x[o][d][i] − m) / sum_d' exp(x[o][d'][i] − m),  m = max_d' x[o][d'][i]
 *
 * Each work-item owns one (o, i) row; the maximum is subtracted first so large logits do not overflow.
 * Tunables: LOG (0 softmax, 1 log_softmax), SCALE (a factor applied to x first; 1 by default).
 * Global size: outer · inner rounded up to the work-group.
 */
#ifndef LOG
#define LOG 0
#endif
#ifndef SCALE
#define SCALE 1.0f
#endif

__kernel void softmax(__global const float* x, __global float* y, const int outer, const int D, const int inner) {
    const int row = get_global_id(0);
    if (row >= outer * inner) {
        return;
    }
    const int o = row / inner;
    const int i = row - o * inner;
    const int base = o * D * inner + i;
    float m = -INFINITY;
    for (int d = 0; d < D; d++) {
        m = fmax(m, x[base + d * inner] * SCALE);
    }
    float sum = 0.0f;
    for (int d = 0; d < D; d++) {
        sum += exp(x[base + d * inner] * SCALE - m);
    }
#if LOG
    const float lse = m + log(sum);
    for (int d = 0; d < D; d++) {
        y[base + d * inner] = x[base + d * inner] * SCALE - lse;
    }
#else
    const float inv = 1.0f / sum;
    for (int d = 0; d < D; d++) {
        y[base + d * inner] = exp(x[base + d * inner] * SCALE - m) * inv;
    }
#endif
}

/* The largest and the sum of a float16's lanes. */
static float strix_max16(const float16 v) {
    const float8 a = fmax(v.lo, v.hi);
    const float4 b = fmax(a.lo, a.hi);
    const float2 c = fmax(b.lo, b.hi);
    return fmax(c.x, c.y);
}

static float strix_sum16(const float16 v) {
    const float8 a = v.lo + v.hi;
    const float4 b = a.lo + a.hi;
    const float2 c = b.lo + b.hi;
    return c.x + c.y;
}

/*
 * The same along the last axis (inner = 1) for CPUs: one work-item per row of D contiguous values, 16 at a time as
 * float16 vectors, the tail one by one; the exponentials are computed once and kept in y. x and y may be the same.
 * Global size: outer.
 */
__kernel void softmax_rows(__global const float* x, __global float* y, const int outer, const int D,
                           const int inner) {
    const int row = get_global_id(0);
    __global const float* xr = x + row * D;
    __global float* yr = y + row * D;
    const int full = D / 16 * 16;
    float m = -INFINITY;
    if (full > 0) {
        float16 m16 = (float16)(-INFINITY);
        for (int d = 0; d < full; d += 16) {
            m16 = fmax(m16, vload16(0, xr + d) * SCALE);
        }
        m = strix_max16(m16);
    }
    for (int d = full; d < D; d++) {
        m = fmax(m, xr[d] * SCALE);
    }
    float16 s16 = (float16)(0.0f);
    float sum = 0.0f;
#if LOG
    for (int d = 0; d < full; d += 16) {
        s16 += exp(vload16(0, xr + d) * SCALE - m);
    }
    for (int d = full; d < D; d++) {
        sum += exp(xr[d] * SCALE - m);
    }
    const float lse = m + log(sum + strix_sum16(s16));
    for (int d = 0; d < full; d += 16) {
        vstore16(vload16(0, xr + d) * SCALE - lse, 0, yr + d);
    }
    for (int d = full; d < D; d++) {
        yr[d] = xr[d] * SCALE - lse;
    }
#else
    for (int d = 0; d < full; d += 16) {
        const float16 e = exp(vload16(0, xr + d) * SCALE - m);
        vstore16(e, 0, yr + d);
        s16 += e;
    }
    for (int d = full; d < D; d++) {
        const float e = exp(xr[d] * SCALE - m);
        yr[d] = e;
        sum += e;
    }
    const float inv = 1.0f / (sum + strix_sum16(s16));
    for (int d = 0; d < full; d += 16) {
        vstore16(vload16(0, yr + d) * inv, 0, yr + d);
    }
    for (int d = full; d < D; d++) {
        yr[d] *= inv;
    }
#endif
}
