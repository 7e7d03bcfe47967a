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
