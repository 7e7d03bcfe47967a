/*
 * winograd.cl: 3×3 stride-1 convolution as Winograd F(2×2, 3×3) (Lavin & Gray, "Fast Algorithms for
 * Convolutional Neural Networks", 2015): each 2×2 output tile from one 4×4 input tile with 16 multiplications per
 * input channel instead of 36. Three steps, the middle one Strix's batched GEMM:
 *
 *   winograd_input:   V[ξ][c][p] = (Bᵀ d B)[ξ] for the 4×4 input tile d of tile p, zero outside the input
 *   GEMM (host):      M[ξ] = U[ξ] · V[ξ] for the 16 positions ξ, with U[ξ] = (G g Gᵀ)[ξ] transformed once
 *   winograd_output:  y = act(Aᵀ M A + bias + R) for each tile, the outputs that lie inside the output
 *
 *   Bᵀ = | 1  0 -1  0 |      G = |  1    0    0  |      Aᵀ = | 1  1  1  0 |
 *        | 0  1  1  0 |          | 1/2  1/2  1/2 |           | 0  1 -1 -1 |
 *        | 0 -1  1  0 |          | 1/2 -1/2  1/2 |
 *        | 0  1  0 -1 |          |  0    0    1  |
 *
 * Tiles p run over images, tile rows and tile columns (p = (n·TH + ty)·TW + tx), so one GEMM serves the whole
 * batch. One work-item transforms a row of tiles of one channel: CPUs pay per work-item, and a row keeps each of
 * the 16 output streams contiguous.
 *
 * Defines: HAS_BIAS, HAS_RESIDUAL, ACT, ACT_ALPHA (common.cl).
 * Global size: (TH, C, N) for winograd_input, (TH, O, N) for winograd_output.
 */

/* The 16 transformed values of one tile whose input starts at row iy0, column ix0, tested element by element
   (tiles at the borders and at the end of a row). */
static void winograd_input_tile(__global const float* xp, __global float* vp, const int between, const int H,
                                const int W, const int iy0, const int ix0) {
    float d[4][4];
    for (int i = 0; i < 4; i++) {
        const int iy = iy0 + i;
        const bool rowInside = iy >= 0 && iy < H;
        for (int j = 0; j < 4; j++) {
            const int ix = ix0 + j;
            d[i][j] = rowInside && ix >= 0 && ix < W ? xp[iy * W + ix] : 0.0f;
        }
    }
    float t[4][4];
    for (int j = 0; j < 4; j++) {
        t[0][j] = d[0][j] - d[2][j];
        t[1][j] = d[1][j] + d[2][j];
        t[2][j] = d[2][j] - d[1][j];
        t[3][j] = d[1][j] - d[3][j];
    }
    for (int i = 0; i < 4; i++) {
        vp[(4 * i) * between] = t[i][0] - t[i][2];
        vp[(4 * i + 1) * between] = t[i][1] + t[i][2];
        vp[(4 * i + 2) * between] = t[i][2] - t[i][1];
        vp[(4 * i + 3) * between] = t[i][1] - t[i][3];
    }
}

/* One transformed row i of four neighbouring tiles from the 10 input columns (a: 0–7, b: 8–9) of Bᵀ d's row i:
   tile q reads columns 2q … 2q + 3, so the even, odd and shifted lanes give all four tiles at once. */
static void winograd_input_row4(__global float* vp, const int between, const int i, const float8 a,
                                const float2 b) {
    const float4 e = a.even;
    const float4 od = a.odd;
    const float4 e2 = (float4)(a.s246, b.s0);
    const float4 o2 = (float4)(a.s357, b.s1);
    vstore4(e - e2, 0, vp + (4 * i) * between);
    vstore4(od + e2, 0, vp + (4 * i + 1) * between);
    vstore4(e2 - od, 0, vp + (4 * i + 2) * between);
    vstore4(od - o2, 0, vp + (4 * i + 3) * between);
}

/* Row i of four tiles' inputs, 10 columns from ix0 (a: 0–7, b: 8–9), or zeros when the row is padding. */
#define WINOGRAD_LOAD_ROW(i) \
    const float8 a##i = iy0 + i >= 0 && iy0 + i < H ? vload8(0, r + i * W) : (float8)(0.0f); \
    const float2 b##i = iy0 + i >= 0 && iy0 + i < H ? vload2(0, r + i * W + 8) : (float2)(0.0f)

/* V[ξ][c][p] for the tiles of row ty of channel c of image n; PT, PL the padding above and left. Four tiles whose
   10 input columns lie inside the input run as vectors (rows in the padding read as zeros); the rest, at the left
   and right edges, tile by tile. */
__kernel void winograd_input(__global const float* x, __global float* v, const int C, const int H, const int W,
                             const int PT, const int PL, const int TH, const int TW, const int P) {
    const int ty = get_global_id(0);
    const int c = get_global_id(1);
    const int n = get_global_id(2);
    __global const float* xp = x + (n * C + c) * H * W;
    __global float* vp = v + c * P + (n * TH + ty) * TW;
    const int between = C * P;
    const int iy0 = 2 * ty - PT;
    int tx = 0;
    while (tx < TW) {
        const int ix0 = 2 * tx - PL;
        if (tx + 4 <= TW && ix0 >= 0 && ix0 + 10 <= W) {
            __global const float* r = xp + iy0 * W + ix0;
            WINOGRAD_LOAD_ROW(0);
            WINOGRAD_LOAD_ROW(1);
            WINOGRAD_LOAD_ROW(2);
            WINOGRAD_LOAD_ROW(3);
            winograd_input_row4(vp + tx, between, 0, a0 - a2, b0 - b2);
            winograd_input_row4(vp + tx, between, 1, a1 + a2, b1 + b2);
            winograd_input_row4(vp + tx, between, 2, a2 - a1, b2 - b1);
            winograd_input_row4(vp + tx, between, 3, a1 - a3, b1 - b3);
            tx += 4;
        } else {
            winograd_input_tile(xp, vp + tx, between, H, W, iy0, ix0);
            tx += 1;
        }
    }
}

/* The 2×2 outputs of one tile, as many as lie inside the output. */
static void winograd_output_tile(__global const float* mp, const int between, const float b,
                                 __global const float* R, __global float* y, const int at, const int WO,
                                 const int rows, const int cols) {
    float q[4][4];
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            q[i][j] = mp[(4 * i + j) * between];
        }
    }
    float s[2][4];
    for (int j = 0; j < 4; j++) {
        s[0][j] = q[0][j] + q[1][j] + q[2][j];
        s[1][j] = q[1][j] - q[2][j] - q[3][j];
    }
    for (int i = 0; i < rows; i++) {
        float out[2];
        out[0] = s[i][0] + s[i][1] + s[i][2] + b;
        out[1] = s[i][1] - s[i][2] - s[i][3] + b;
        for (int j = 0; j < cols; j++) {
            float a = out[j];
#if HAS_RESIDUAL
            a += R[at + i * WO + j];
#endif
            y[at + i * WO + j] = STRIX_ACT(a);
        }
    }
}

/* Aᵀ's first (S0) and second (S1) rows applied to the 4 × 4 values q<row><column> of four tiles: column j. */
#define WINOGRAD_S0(j) (q0##j + q1##j + q2##j)
#define WINOGRAD_S1(j) (q1##j - q2##j - q3##j)

/* Output row i (0 or 1) of four neighbouring tiles, 8 consecutive outputs, from their Aᵀ-rows s0 … s3. */
static void winograd_output_row4(const float4 s0, const float4 s1, const float4 s2, const float4 s3,
                                 const float b, __global const float* R, __global float* y) {
    const float4 even = s0 + s1 + s2 + b;
    const float4 odd = s1 - s2 - s3 + b;
    float8 r = (float8)(even.x, odd.x, even.y, odd.y, even.z, odd.z, even.w, odd.w);
#if HAS_RESIDUAL
    r += vload8(0, R);
#endif
    vstore8(STRIX_ACT(r), 0, y);
}

/* y[n][o][2ty..2ty+1][..] from M[ξ][o][p], with the bias, residual and activation of the fused epilogue. Four
   tiles whose 2 × 8 outputs lie inside the output run as vectors; the rest tile by tile. */
__kernel void winograd_output(__global const float* m, __global const float* bias, __global const float* R,
                              __global float* y, const int O, const int HO, const int WO, const int TH,
                              const int TW, const int P) {
    const int ty = get_global_id(0);
    const int o = get_global_id(1);
    const int n = get_global_id(2);
    __global const float* mp = m + o * P + (n * TH + ty) * TW;
    const int between = O * P;
#if HAS_BIAS
    const float b = bias[o];
#else
    const float b = 0.0f;
#endif
    const int oy = 2 * ty;
    const int rows = min(2, HO - oy);
    const int plane = (n * O + o) * HO * WO;
    int tx = 0;
    while (tx < TW) {
        const int ox = 2 * tx;
        const int at = plane + oy * WO + ox;
        if (rows == 2 && tx + 4 <= TW && ox + 8 <= WO) {
            __global const float* mq = mp + tx;
            const float4 q00 = vload4(0, mq), q01 = vload4(0, mq + between), q02 = vload4(0, mq + 2 * between),
                         q03 = vload4(0, mq + 3 * between);
            const float4 q10 = vload4(0, mq + 4 * between), q11 = vload4(0, mq + 5 * between),
                         q12 = vload4(0, mq + 6 * between), q13 = vload4(0, mq + 7 * between);
            const float4 q20 = vload4(0, mq + 8 * between), q21 = vload4(0, mq + 9 * between),
                         q22 = vload4(0, mq + 10 * between), q23 = vload4(0, mq + 11 * between);
            const float4 q30 = vload4(0, mq + 12 * between), q31 = vload4(0, mq + 13 * between),
                         q32 = vload4(0, mq + 14 * between), q33 = vload4(0, mq + 15 * between);
            winograd_output_row4(WINOGRAD_S0(0), WINOGRAD_S0(1), WINOGRAD_S0(2), WINOGRAD_S0(3), b,
                                 R + at, y + at);
            winograd_output_row4(WINOGRAD_S1(0), WINOGRAD_S1(1), WINOGRAD_S1(2), WINOGRAD_S1(3), b,
                                 R + at + WO, y + at + WO);
            tx += 4;
        } else {
            winograd_output_tile(mp + tx, between, b, R, y, at, WO, rows, min(2, WO - ox));
            tx += 1;
        }
    }
}
