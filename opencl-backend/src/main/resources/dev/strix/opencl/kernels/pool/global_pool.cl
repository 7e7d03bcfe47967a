/*
 * global_pool.cl: y[plane] = mean (MODE 1) or max (MODE 0) of the S values of each plane of x [planes, S].
 *
 * Tunables: MODE. Global size: planes rounded up to the work-group.
 */
#ifndef MODE
#define MODE 1
#endif

__kernel void global_pool(__global const float* x, __global float* y, const int planes, const int S) {
    const int plane = get_global_id(0);
    if (plane >= planes) {
        return;
    }
    __global const float* xp = x + plane * S;
#if MODE == 0
    float m = -INFINITY;
    for (int s = 0; s < S; s++) {
        m = fmax(m, xp[s]);
    }
    y[plane] = m;
#else
    float sum = 0.0f;
    for (int s = 0; s < S; s++) {
        sum += xp[s];
    }
    y[plane] = sum / S;
#endif
}
