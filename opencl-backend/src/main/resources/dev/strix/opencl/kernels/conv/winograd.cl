/*
 * winograd.cl: 3×3 stride-1 convolution as Winograd F(2×2, 3×3) and F(4×4, 3×3) (Lavin & Gray, "Fast Algorithms
 * for Convolutional Neural Networks", 2015; F(4×4) at the end of the file): each 2×2 output tile from one 4×4 input
 * tile with 16 multiplications per input channel instead of 36. Three steps, the middle one Strix's batched GEMM:
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
 * batch. One work-item transforms a row of tiles of one channel, four tiles at a time as float4 lanes: CPUs pay
 * per work-item, and a row keeps each of the 16 streams contiguous. Edges are handled by the loads and stores
 * (zeros read outside the input, lanes past the row's last tile or the output's edge not stored), never by a
 * scalar path: a 7-wide output row is a single masked group.
 *
 * Defines: HAS_BIAS, HAS_RESIDUAL, ACT, ACT_ALPHA (common.cl).
 * Global size: (TH, C, N) for winograd_input, (TH, O, N) for winograd_output.
 */

/* Stores the N-wide row r (bias added) at y: the residual, then the activation, `count` lanes of it — all N with
   one vector store when count is N. */
#define WINOGRAD_STORE_ROW(N, r, R, y, count) \
    if ((count) == N) { \
        WINOGRAD_ADD_RESIDUAL(N, r, R); \
        STRIX_CAT(vstore, N)(STRIX_ACT(r), 0, (y)); \
    } else { \
        float lanes[N]; \
        STRIX_CAT(vstore, N)(r, 0, lanes); \
        for (int j = 0; j < (count); j++) { \
            float a = lanes[j]; \
            WINOGRAD_ADD_RESIDUAL(1, a, R + j); \
            (y)[j] = STRIX_ACT(a); \
        } \
    }
#if HAS_RESIDUAL
#define WINOGRAD_ADD_RESIDUAL(N, v, R) v += WINOGRAD_LOAD(N, R)
#else
#define WINOGRAD_ADD_RESIDUAL(N, v, R)
#endif
#define WINOGRAD_LOAD(N, p) STRIX_CAT(WINOGRAD_LOAD_, N)(p)
#define WINOGRAD_LOAD_1(p) (*(p))
#define WINOGRAD_LOAD_8(p) vload8(0, (p))
#define WINOGRAD_LOAD_16(p) vload16(0, (p))

/* Row i of the inputs of four neighbouring tiles: 10 columns from ix0 (a: 0–7, b: 8–9), zero outside the
   input. One vector load where the whole span is inside. */
static void winograd_load_row(__global const float* xp, const int H, const int W, const int iy, const int ix0,
                              float8* a, float2* b) {
    if (iy < 0 || iy >= H) {
        *a = (float8)(0.0f);
        *b = (float2)(0.0f);
    } else if (ix0 >= 0 && ix0 + 10 <= W) {
        *a = vload8(0, xp + iy * W + ix0);
        *b = vload2(0, xp + iy * W + ix0 + 8);
    } else {
        float span[10];
        for (int j = 0; j < 10; j++) {
            span[j] = ix0 + j >= 0 && ix0 + j < W ? xp[iy * W + ix0 + j] : 0.0f;
        }
        *a = vload8(0, span);
        *b = vload2(0, span + 8);
    }
}

/* Stores v's first `count` lanes at p (all four with one vector store when count is 4). */
static void winograd_store4(const float4 v, __global float* p, const int count) {
    if (count == 4) {
        vstore4(v, 0, p);
    } else {
        float lanes[4];
        vstore4(v, 0, lanes);
        for (int j = 0; j < count; j++) {
            p[j] = lanes[j];
        }
    }
}

/* One transformed row i of four neighbouring tiles from the 10 columns (a: 0–7, b: 8–9) of Bᵀ d's row i: tile q
   reads columns 2q … 2q + 3, so the even, odd and shifted lanes give all four tiles at once. */
static void winograd_input_row4(__global float* vp, const int between, const int i, const float8 a,
                                const float2 b, const int count) {
    const float4 e = a.even;
    const float4 od = a.odd;
    const float4 e2 = (float4)(a.s246, b.s0);
    const float4 o2 = (float4)(a.s357, b.s1);
    winograd_store4(e - e2, vp + (4 * i) * between, count);
    winograd_store4(od + e2, vp + (4 * i + 1) * between, count);
    winograd_store4(e2 - od, vp + (4 * i + 2) * between, count);
    winograd_store4(od - o2, vp + (4 * i + 3) * between, count);
}

/* V[ξ][c][p] for the tiles of row ty of channel c of image n; PT, PL the padding above and left. */
__kernel void winograd_input(__global const float* x, __global float* v, const int C, const int H, const int W,
                             const int PT, const int PL, const int TH, const int TW, const int P) {
    const int ty = get_global_id(0);
    const int c = get_global_id(1);
    const int n = get_global_id(2);
    __global const float* xp = x + (n * C + c) * H * W;
    __global float* vp = v + c * P + (n * TH + ty) * TW;
    const int between = C * P;
    const int iy0 = 2 * ty - PT;
    for (int tx = 0; tx < TW; tx += 4) {
        const int ix0 = 2 * tx - PL;
        float8 a0, a1, a2, a3;
        float2 b0, b1, b2, b3;
        winograd_load_row(xp, H, W, iy0, ix0, &a0, &b0);
        winograd_load_row(xp, H, W, iy0 + 1, ix0, &a1, &b1);
        winograd_load_row(xp, H, W, iy0 + 2, ix0, &a2, &b2);
        winograd_load_row(xp, H, W, iy0 + 3, ix0, &a3, &b3);
        const int count = min(4, TW - tx);
        winograd_input_row4(vp + tx, between, 0, a0 - a2, b0 - b2, count);
        winograd_input_row4(vp + tx, between, 1, a1 + a2, b1 + b2, count);
        winograd_input_row4(vp + tx, between, 2, a2 - a1, b2 - b1, count);
        winograd_input_row4(vp + tx, between, 3, a1 - a3, b1 - b3, count);
    }
}

/* Aᵀ's first (S0) and second (S1) rows applied to column j of the 4 × 4 values q[4·row + column] of four tiles. */
#define WINOGRAD_S0(j) (q[j] + q[4 + (j)] + q[8 + (j)])
#define WINOGRAD_S1(j) (q[4 + (j)] - q[8 + (j)] - q[12 + (j)])

/* Output row of four neighbouring tiles, 8 consecutive outputs from their Aᵀ-rows s0 … s3, of which `count`
   lie inside the output. */
static void winograd_output_row4(const float4 s0, const float4 s1, const float4 s2, const float4 s3,
                                 const float b, __global const float* R, __global float* y, const int count) {
    const float4 even = s0 + s1 + s2 + b;
    const float4 odd = s1 - s2 - s3 + b;
    float8 r = (float8)(even.x, odd.x, even.y, odd.y, even.z, odd.z, even.w, odd.w);
    WINOGRAD_STORE_ROW(8, r, R, y, count)
}

/* y[n][o][2ty..2ty+1][..] from M[ξ][o][p], with the bias, residual and activation of the fused epilogue. */
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
    const int plane = (n * O + o) * HO * WO;
    for (int tx = 0; tx < TW; tx += 4) {
        /* A group that runs past the row's last tile is read lane by lane, zeros beyond it. */
        __global const float* mq = mp + tx;
        float4 q[16];
        if (tx + 4 <= TW) {
            for (int k = 0; k < 16; k++) {
                q[k] = vload4(0, mq + k * between);
            }
        } else {
            for (int k = 0; k < 16; k++) {
                float lanes[4];
                for (int j = 0; j < 4; j++) {
                    lanes[j] = tx + j < TW ? mq[k * between + j] : 0.0f;
                }
                q[k] = vload4(0, lanes);
            }
        }
        const int ox = 2 * tx;
        const int count = min(8, WO - ox);
        const int at = plane + oy * WO + ox;
        winograd_output_row4(WINOGRAD_S0(0), WINOGRAD_S0(1), WINOGRAD_S0(2), WINOGRAD_S0(3), b, R + at, y + at,
                             count);
        if (oy + 1 < HO) {
            winograd_output_row4(WINOGRAD_S1(0), WINOGRAD_S1(1), WINOGRAD_S1(2), WINOGRAD_S1(3), b, R + at + WO,
                                 y + at + WO, count);
        }
    }
}

/*
 * F(4×4, 3×3): each 4×4 output tile from one 6×6 input tile with 36 multiplications per input channel instead of
 * 144 — against F(2×2, 3×3) 1.78× fewer multiplications, and transformed matrices 2.25 rather than 4 times the
 * input's size. The same three steps, with 36 positions ξ = 6i + j:
 *
 *   Bᵀ = | 4  0 -5  0  1  0 |     G = |  1/4     0     0  |     Aᵀ = | 1  1  1  1  1  0 |
 *        | 0 -4 -4  1  1  0 |         | -1/6  -1/6  -1/6 |          | 0  1 -1  2 -2  0 |
 *        | 0  4 -4 -1  1  0 |         | -1/6   1/6  -1/6 |          | 0  1  1  4  4  0 |
 *        | 0 -2 -1  2  1  0 |         | 1/24  1/12   1/6 |          | 0  1 -1  8 -8  1 |
 *        | 0  2 -1 -2  1  0 |         | 1/24 -1/12   1/6 |
 *        | 0  4  0 -5  0  1 |         |    0     0     1  |
 *
 * Global size: (TH, C, N) for winograd4_input, (TH, O, N) for winograd4_output.
 */

/* Bᵀ applied to six values (the same rule for rows and for columns). */
#define WINOGRAD4_BT(d0, d1, d2, d3, d4, d5, t) \
    t[0] = 4.0f * (d0) - 5.0f * (d2) + (d4); \
    t[1] = (d3) + (d4) - 4.0f * ((d1) + (d2)); \
    t[2] = 4.0f * ((d1) - (d2)) + (d4) - (d3); \
    t[3] = 2.0f * ((d3) - (d1)) + (d4) - (d2); \
    t[4] = 2.0f * ((d1) - (d3)) + (d4) - (d2); \
    t[5] = 4.0f * (d1) - 5.0f * (d3) + (d5)

/* Aᵀ applied to six values. */
#define WINOGRAD4_AT(m0, m1, m2, m3, m4, m5, s) \
    s[0] = (m0) + (m1) + (m2) + (m3) + (m4); \
    s[1] = (m1) - (m2) + 2.0f * ((m3) - (m4)); \
    s[2] = (m1) + (m2) + 4.0f * ((m3) + (m4)); \
    s[3] = (m1) - (m2) + 8.0f * ((m3) - (m4)) + (m5)

/* Row iy of the inputs of four neighbouring tiles: 18 columns from ix0 (a: 0–15, b: 16–17), zero outside the
   input; tile q reads columns 4q … 4q + 5, returned as the six column vectors c[j] (lane q = column 4q + j). */
static void winograd4_load_row(__global const float* xp, const int H, const int W, const int iy, const int ix0,
                               float4* c) {
    float16 a;
    float2 b;
    if (iy < 0 || iy >= H) {
        a = (float16)(0.0f);
        b = (float2)(0.0f);
    } else if (ix0 >= 0 && ix0 + 18 <= W) {
        a = vload16(0, xp + iy * W + ix0);
        b = vload2(0, xp + iy * W + ix0 + 16);
    } else {
        float span[18];
        for (int j = 0; j < 18; j++) {
            span[j] = ix0 + j >= 0 && ix0 + j < W ? xp[iy * W + ix0 + j] : 0.0f;
        }
        a = vload16(0, span);
        b = vload2(0, span + 16);
    }
    c[0] = a.s048c;
    c[1] = a.s159d;
    c[2] = a.s26ae;
    c[3] = a.s37bf;
    c[4] = (float4)(a.s48c, b.s0);
    c[5] = (float4)(a.s59d, b.s1);
}

/* V[ξ][c][p] for the tiles of row ty of channel c of image n; PT, PL the padding above and left. */
__kernel void winograd4_input(__global const float* x, __global float* v, const int C, const int H, const int W,
                              const int PT, const int PL, const int TH, const int TW, const int P) {
    const int ty = get_global_id(0);
    const int c = get_global_id(1);
    const int n = get_global_id(2);
    __global const float* xp = x + (n * C + c) * H * W;
    __global float* vp = v + c * P + (n * TH + ty) * TW;
    const int between = C * P;
    const int iy0 = 4 * ty - PT;
    for (int tx = 0; tx < TW; tx += 4) {
        const int ix0 = 4 * tx - PL;
        /* t[r][k]: row r of the tile times B (columns transformed), for six rows. */
        float4 t[6][6];
        for (int r = 0; r < 6; r++) {
            float4 d[6];
            winograd4_load_row(xp, H, W, iy0 + r, ix0, d);
            WINOGRAD4_BT(d[0], d[1], d[2], d[3], d[4], d[5], t[r]);
        }
        const int count = min(4, TW - tx);
        for (int k = 0; k < 6; k++) {
            float4 col[6];
            WINOGRAD4_BT(t[0][k], t[1][k], t[2][k], t[3][k], t[4][k], t[5][k], col);
            for (int i = 0; i < 6; i++) {
                winograd_store4(col[i], vp + tx + (6 * i + k) * between, count);
            }
        }
    }
}

/* One output row of four neighbouring tiles: 16 consecutive outputs from the four columns s[0..3] of Aᵀ M A's row
   (lane q = tile q), of which `count` lie inside the output. */
static void winograd4_output_row(const float4* s, const float b, __global const float* R, __global float* y,
                                 const int count) {
    float16 r = (float16)(s[0].x, s[1].x, s[2].x, s[3].x, s[0].y, s[1].y, s[2].y, s[3].y, s[0].z, s[1].z, s[2].z,
                          s[3].z, s[0].w, s[1].w, s[2].w, s[3].w) + b;
    WINOGRAD_STORE_ROW(16, r, R, y, count)
}

/* y[n][o][4ty..4ty+3][..] from M[ξ][o][p], with the bias, residual and activation of the fused epilogue. */
__kernel void winograd4_output(__global const float* m, __global const float* bias, __global const float* R,
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
    const int oy = 4 * ty;
    const int plane = (n * O + o) * HO * WO;
    for (int tx = 0; tx < TW; tx += 4) {
        __global const float* mq = mp + tx;
        const bool whole = tx + 4 <= TW;
        /* s[r][j]: row r of M times A (columns reduced to four), for six rows; a group that runs past the row's
           last tile is read lane by lane, zeros beyond it. */
        float4 s[6][4];
        for (int r = 0; r < 6; r++) {
            float4 q[6];
            for (int k = 0; k < 6; k++) {
                __global const float* at = mq + (6 * r + k) * between;
                if (whole) {
                    q[k] = vload4(0, at);
                } else {
                    float lanes[4];
                    for (int j = 0; j < 4; j++) {
                        lanes[j] = tx + j < TW ? at[j] : 0.0f;
                    }
                    q[k] = vload4(0, lanes);
                }
            }
            WINOGRAD4_AT(q[0], q[1], q[2], q[3], q[4], q[5], s[r]);
        }
        const int ox = 4 * tx;
        const int count = min(16, WO - ox);
        float4 rows[4][4];
        for (int j = 0; j < 4; j++) {
            float4 col[4];
            WINOGRAD4_AT(s[0][j], s[1][j], s[2][j], s[3][j], s[4][j], s[5][j], col);
            for (int i = 0; i < 4; i++) {
                rows[i][j] = col[i];
            }
        }
        for (int i = 0; i < 4 && oy + i < HO; i++) {
            const int at = plane + (oy + i) * WO + ox;
            winograd4_output_row(rows[i], b, R + at, y + at, count);
        }
    }
}
