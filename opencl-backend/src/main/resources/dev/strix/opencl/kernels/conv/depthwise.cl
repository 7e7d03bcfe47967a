/*
 * depthwise.cl: convolution with one group per input channel (groups = C, O = C·multiplier), computed directly:
 *
 *   y[n][o][oy][ox] = act(bias[o] + sum_{ky,kx} w[o][ky][kx] · x[n][o / (O/C)][oy·SH − PT + ky·DH][ox·SW − PL + kx·DW]
 *                     + R[n][o][oy][ox])
 *
 * Tunables: HAS_BIAS, HAS_RESIDUAL, ACT, ACT_ALPHA (common.cl). Global size: (HO·WO rounded up, O, N).
 */
__kernel void depthwise(__global const float* x, __global const float* w, __global const float* bias,
                        __global const float* R, __global float* y, const int C, const int H, const int W,
                        const int O, const int HO, const int WO, const int KH, const int KW, const int SH,
                        const int SW, const int PT, const int PL, const int DH, const int DW) {
    const int p = get_global_id(0);
    const int o = get_global_id(1);
    const int n = get_global_id(2);
    if (p >= HO * WO) {
        return;
    }
    const int oy = p / WO;
    const int ox = p - oy * WO;
    const int c = o / (O / C);
    __global const float* xp = x + (n * C + c) * H * W;
    __global const float* wp = w + o * KH * KW;
    float acc = 0.0f;
    for (int ky = 0; ky < KH; ky++) {
        const int iy = oy * SH - PT + ky * DH;
        if (iy < 0 || iy >= H) {
            continue;
        }
        for (int kx = 0; kx < KW; kx++) {
            const int ix = ox * SW - PL + kx * DW;
            if (ix >= 0 && ix < W) {
                acc = fma(wp[ky * KW + kx], xp[iy * W + ix], acc);
            }
        }
    }
#if HAS_BIAS
    acc += bias[o];
#endif
    const int idx = (n * O + o) * HO * WO + p;
#if HAS_RESIDUAL
    acc += R[idx];
#endif
    acc = STRIX_ACT(acc);
    y[idx] = acc;
}
