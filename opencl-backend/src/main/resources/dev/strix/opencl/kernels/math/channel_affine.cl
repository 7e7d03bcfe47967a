/*
 * channel_affine.cl: y[i] = x[i] · s[c] (+ t[c]) with c = (i / inner) % C: batch norm at inference (s = γ/√(var+ε),
 * t = β − mean·s) and layer scale (no shift).
 *
 * Tunables: HAS_SHIFT (1: add t). Global size: n rounded up to the work-group.
 */
#ifndef HAS_SHIFT
#define HAS_SHIFT 1
#endif

__kernel void channel_affine(__global const float* x, __global const float* s, __global const float* t,
                             __global float* y, const int n, const int C, const int inner) {
    const int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    const int c = (i / inner) % C;
#if HAS_SHIFT
    y[i] = fma(x[i], s[c], t[c]);
#else
    y[i] = x[i] * s[c];
#endif
}

/*
 * The same, one work-item per (outer index o, channel c) looping over its `inner` contiguous values: no division
 * per element, which is what a CPU (PoCL) pays for. Global size: (outer, C).
 */
__kernel void channel_affine_rows(__global const float* x, __global const float* s, __global const float* t,
                                  __global float* y, const int n, const int C, const int inner) {
    const int o = get_global_id(0);
    const int c = get_global_id(1);
    const int base = (o * C + c) * inner;
    const float sc = s[c];
#if HAS_SHIFT
    const float sh = t[c];
#endif
    for (int i = 0; i < inner; i++) {
#if HAS_SHIFT
        y[base + i] = fma(x[base + i], sc, sh);
#else
        y[base + i] = x[base + i] * sc;
#endif
    }
}
