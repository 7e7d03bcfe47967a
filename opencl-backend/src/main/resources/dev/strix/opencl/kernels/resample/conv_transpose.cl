/*
 * conv_transpose.cl: transposed convolution (PyTorch's ConvTranspose2d) computed as a gather, one output per
 * work-item:
 *
 *   y[n][o][oy][ox] = bias[o] + sum over c in o's group, ky, kx with oy + PT − ky·DH = iy·SH (0 ≤ iy < H) and
 *                     likewise for x, of x[n][c][iy][ix] · w[c][o − g·OG][ky][kx]
 *
 * weight layout [C, OG, KH, KW] (OG = O / groups). Tunables: HAS_BIAS. Global size: (HO·WO rounded up, O, N).
 */
__kernel void conv_transpose(__global const float* x, __global const float* w, __global const float* bias,
                             __global float* y, const int C, const int H, const int W, const int O, const int HO,
                             const int WO, const int KH, const int KW, const int SH, const int SW, const int PT,
                             const int PL, const int DH, const int DW, const int G) {
    const int p = get_global_id(0);
    const int o = get_global_id(1);
    const int n = get_global_id(2);
    if (p >= HO * WO) {
        return;
    }
    const int oy = p / WO;
    const int ox = p - oy * WO;
    const int OG = O / G;
    const int CG = C / G;
    const int g = o / OG;
    const int og = o - g * OG;
    float acc = 0.0f;
    for (int cg = 0; cg < CG; cg++) {
        const int c = g * CG + cg;
        __global const float* xp = x + (n * C + c) * H * W;
        __global const float* wp = w + (c * OG + og) * KH * KW;
        for (int ky = 0; ky < KH; ky++) {
            const int ty = oy + PT - ky * DH;
            if (ty < 0 || ty % SH != 0) {
                continue;
            }
            const int iy = ty / SH;
            if (iy >= H) {
                continue;
            }
            for (int kx = 0; kx < KW; kx++) {
                const int tx = ox + PL - kx * DW;
                if (tx < 0 || tx % SW != 0) {
                    continue;
                }
                const int ix = tx / SW;
                if (ix < W) {
                    acc = fma(xp[iy * W + ix], wp[ky * KW + kx], acc);
                }
            }
        }
    }
#if HAS_BIAS
    acc += bias[o];
#endif
    y[(n * O + o) * HO * WO + p] = acc;
}
