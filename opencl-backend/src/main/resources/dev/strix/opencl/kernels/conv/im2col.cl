/*
 * im2col.cl: unfolds convolution windows into columns so a convolution becomes a GEMM.
 *
 *   col[n][k][p] = x[n][c][oy·SH − PT + ky·DH][ox·SW − PL + kx·DW]  (0 outside the input)
 *   with k = (c·KH + ky)·KW + kx over C·KH·KW rows and p = oy·WO + ox over HO·WO columns.
 *
 * Tunables: none. Global size: (P rounded up to the work-group, C·KH·KW, N).
 */
__kernel void im2col(__global const float* x, __global float* col, const int C, const int H, const int W,
                     const int KH, const int KW, const int SH, const int SW, const int PT, const int PL,
                     const int DH, const int DW, const int HO, const int WO) {
    const int p = get_global_id(0);
    const int k = get_global_id(1);
    const int n = get_global_id(2);
    const int P = HO * WO;
    if (p >= P) {
        return;
    }
    const int kx = k % KW;
    const int t = k / KW;
    const int ky = t % KH;
    const int c = t / KH;
    const int oy = p / WO;
    const int ox = p - oy * WO;
    const int iy = oy * SH - PT + ky * DH;
    const int ix = ox * SW - PL + kx * DW;
    float v = 0.0f;
    if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
        v = x[((n * C + c) * H + iy) * W + ix];
    }
    col[(n * (C * KH * KW) + k) * P + p] = v;
}

/*
 * The same columns, one work-item per (output row oy, k, n) looping over the row: the index arithmetic (four
 * divisions) is paid once per row instead of once per element, which is what a CPU (PoCL) spends its time on.
 * Global size: (HO, C·KH·KW, N).
 */
__kernel void im2col_rows(__global const float* x, __global float* col, const int C, const int H, const int W,
                          const int KH, const int KW, const int SH, const int SW, const int PT, const int PL,
                          const int DH, const int DW, const int HO, const int WO) {
    const int oy = get_global_id(0);
    const int k = get_global_id(1);
    const int n = get_global_id(2);
    const int kx = k % KW;
    const int t = k / KW;
    const int ky = t % KH;
    const int c = t / KH;
    __global float* out = col + (n * (C * KH * KW) + k) * (HO * WO) + oy * WO;
    const int iy = oy * SH - PT + ky * DH;
    if (iy < 0 || iy >= H) {
        for (int ox = 0; ox < WO; ox++) {
            out[ox] = 0.0f;
        }
        return;
    }
    __global const float* in = x + ((n * C + c) * H + iy) * W;
    const int shift = kx * DW - PL;
    for (int ox = 0; ox < WO; ox++) {
        const int ix = ox * SW + shift;
        out[ox] = ix >= 0 && ix < W ? in[ix] : 0.0f;
    }
}
