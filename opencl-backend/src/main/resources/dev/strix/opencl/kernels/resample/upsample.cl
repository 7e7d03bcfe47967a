/*
 * upsample.cl: nearest or bilinear resize of x [planes, H, W] to [planes, HO, WO] from per-axis tables the host
 * computes exactly as PyTorch does (see dev.strix.layers.resample.Upsample): for output row i, source rows
 * rlo[i], rhi[i] and weight rf[i] of the second; columns likewise (nearest: lo = hi, weight 0).
 *
 *   y = (1 − fr)·((1 − fc)·x[rlo][clo] + fc·x[rlo][chi]) + fr·((1 − fc)·x[rhi][clo] + fc·x[rhi][chi])
 *
 * Tables are float arrays (indices are exact below 2^24). Tunables: none. Global size: (HO·WO rounded up, planes).
 */
__kernel void resize(__global const float* x, __global float* y, __global const float* rows,
                       __global const float* cols, const int H, const int W, const int HO, const int WO) {
    const int p = get_global_id(0);
    const int plane = get_global_id(1);
    if (p >= HO * WO) {
        return;
    }
    const int oy = p / WO;
    const int ox = p - oy * WO;
    const int r0 = (int) rows[oy];
    const int r1 = (int) rows[HO + oy];
    const float fr = rows[2 * HO + oy];
    const int c0 = (int) cols[ox];
    const int c1 = (int) cols[WO + ox];
    const float fc = cols[2 * WO + ox];
    __global const float* xp = x + plane * H * W;
    const float top = (1.0f - fc) * xp[r0 * W + c0] + fc * xp[r0 * W + c1];
    const float bottom = (1.0f - fc) * xp[r1 * W + c0] + fc * xp[r1 * W + c1];
    y[plane * HO * WO + p] = (1.0f - fr) * top + fr * bottom;
}
