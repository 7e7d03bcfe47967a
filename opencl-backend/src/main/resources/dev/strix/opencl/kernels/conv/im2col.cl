/*
 * im2col.cl: unfolds convolution windows into columns so a convolution becomes a GEMM.
 *
 *   col[n·SN + k·SK + p] = x[n][c][oy·SH − PT + ky·DH][ox·SW − PL + kx·DW]  (0 outside the input)
 *   with k = (c·KH + ky)·KW + kx over C·KH·KW rows and p = oy·WO + ox over HO·WO columns: per image [k][p]
 *   (SN = C·KH·KW·HO·WO, SK = HO·WO), or every image's columns side by side, [k][n][p] (SN = HO·WO,
 *   SK = N·HO·WO), for a GEMM whose columns run over the batch.
 *
 * Tunables: none. Global size: (P rounded up to the work-group, C·KH·KW, N).
 */
__kernel void im2col(__global const float* x, __global float* col, const int C, const int H, const int W,
                     const int KH, const int KW, const int SH, const int SW, const int PT, const int PL,
                     const int DH, const int DW, const int HO, const int WO, const int SN, const int SK) {
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
    col[n * SN + k * SK + p] = v;
}

/*
 * The same columns, one work-item per (output row oy, input channel c, image n) writing that row of all KH·KW
 * columns of the channel: the index arithmetic is paid once per row, not once per element, and each work-item
 * does enough to outweigh what a CPU (PoCL) pays per work-item. Outputs [lo, hi) of a row read inside the input
 * row; zeros before and after, in three loops without a test inside, so the copy vectorises.
 * Global size: (HO, C, N).
 */
__kernel void im2col_rows(__global const float* x, __global float* col, const int C, const int H, const int W,
                          const int KH, const int KW, const int SH, const int SW, const int PT, const int PL,
                          const int DH, const int DW, const int HO, const int WO, const int SN, const int SK) {
    const int oy = get_global_id(0);
    const int c = get_global_id(1);
    const int n = get_global_id(2);
    for (int ky = 0; ky < KH; ky++) {
        const int iy = oy * SH - PT + ky * DH;
        const bool rowInside = iy >= 0 && iy < H;
        __global const float* in = x + ((n * C + c) * H + iy) * W;
        for (int kx = 0; kx < KW; kx++) {
            const int k = (c * KH + ky) * KW + kx;
            __global float* out = col + n * SN + k * SK + oy * WO;
            const int shift = kx * DW - PL;
            int lo = min(WO, shift >= 0 ? 0 : (-shift + SW - 1) / SW);
            int hi = max(lo, min(WO, W - shift > 0 ? (W - shift + SW - 1) / SW : 0));
            if (!rowInside) {
                lo = WO;
                hi = WO;
            }
            for (int ox = 0; ox < lo; ox++) {
                out[ox] = 0.0f;
            }
            for (int ox = lo; ox < hi; ox++) {
                out[ox] = in[ox * SW + shift];
            }
            for (int ox = hi; ox < WO; ox++) {
                out[ox] = 0.0f;
            }
        }
    }
}
