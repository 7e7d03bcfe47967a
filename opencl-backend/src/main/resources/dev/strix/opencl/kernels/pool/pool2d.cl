/*
 * pool2d.cl: max or average pooling of x [N·C planes, H, W] into [N·C, HO, WO], as PyTorch defines them:
 *
 *   max: the largest x over the (dilated) window that lies inside the input (padding never wins);
 *   avg: the sum over the window clipped to the input, divided by the window clipped to the padded input
 *        (INCLUDE_PAD = 1) or by the number of input values summed (INCLUDE_PAD = 0).
 *
 * Tunables: MODE (0 max, 1 avg), INCLUDE_PAD. Global size: (HO·WO rounded up, N·C).
 */
#ifndef MODE
#define MODE 0
#endif
#ifndef INCLUDE_PAD
#define INCLUDE_PAD 1
#endif

__kernel void pool2d(__global const float* x, __global float* y, const int H, const int W, const int HO,
                     const int WO, const int KH, const int KW, const int SH, const int SW, const int PT,
                     const int PL, const int DH, const int DW) {
    const int p = get_global_id(0);
    const int plane = get_global_id(1);
    if (p >= HO * WO) {
        return;
    }
    const int oy = p / WO;
    const int ox = p - oy * WO;
    __global const float* xp = x + plane * H * W;
    const int y0 = oy * SH - PT;
    const int x0 = ox * SW - PL;
#if MODE == 0
    float m = -INFINITY;
    for (int ky = 0; ky < KH; ky++) {
        const int iy = y0 + ky * DH;
        if (iy < 0 || iy >= H) {
            continue;
        }
        for (int kx = 0; kx < KW; kx++) {
            const int ix = x0 + kx * DW;
            if (ix >= 0 && ix < W) {
                m = fmax(m, xp[iy * W + ix]);
            }
        }
    }
    y[plane * HO * WO + p] = m;
#else
    int y1 = min(y0 + KH, H + PT);
    int x1 = min(x0 + KW, W + PL);
    const int padded = (y1 - y0) * (x1 - x0);
    const int ys = max(y0, 0);
    const int xs = max(x0, 0);
    y1 = min(y1, H);
    x1 = min(x1, W);
    float sum = 0.0f;
    for (int iy = ys; iy < y1; iy++) {
        for (int ix = xs; ix < x1; ix++) {
            sum += xp[iy * W + ix];
        }
    }
#if INCLUDE_PAD
    const int div = padded;
#else
    const int div = (y1 - ys) * (x1 - xs);
#endif
    y[plane * HO * WO + p] = (y1 <= ys || x1 <= xs) ? 0.0f : sum / div;
#endif
}
