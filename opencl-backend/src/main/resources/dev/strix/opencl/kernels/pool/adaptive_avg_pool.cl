/*
 * adaptive_avg_pool.cl: PyTorch's adaptive average pooling of x [N·C, H, W] to [N·C, HO, WO]: output cell (i, j)
 * averages rows floor(i·H/HO) .. ceil((i+1)·H/HO) − 1 and the columns likewise.
 *
 * Tunables: none. Global size: (HO·WO rounded up, N·C).
 */
__kernel void adaptive_avg_pool(__global const float* x, __global float* y, const int H, const int W, const int HO,
                                const int WO) {
    const int p = get_global_id(0);
    const int plane = get_global_id(1);
    if (p >= HO * WO) {
        return;
    }
    const int oy = p / WO;
    const int ox = p - oy * WO;
    const int ys = (oy * H) / HO;
    const int ye = ((oy + 1) * H + HO - 1) / HO;
    const int xs = (ox * W) / WO;
    const int xe = ((ox + 1) * W + WO - 1) / WO;
    __global const float* xp = x + plane * H * W;
    float sum = 0.0f;
    for (int iy = ys; iy < ye; iy++) {
        for (int ix = xs; ix < xe; ix++) {
            sum += xp[iy * W + ix];
        }
    }
    y[plane * HO * WO + p] = sum / ((ye - ys) * (xe - xs));
}
