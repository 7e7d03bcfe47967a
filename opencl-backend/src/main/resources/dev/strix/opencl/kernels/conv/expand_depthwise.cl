/*
 * expand_depthwise.cl: a 1×1 convolution (the "expand" of an inverted residual block: K → E channels, bias,
 * activation EXPAND_ACT) and the depthwise convolution that alone reads it (KH×KW, stride SH×SW, padding PT/PL,
 * bias, activation ACT) as one kernel:
 *
 *   t[e][iy][ix] = EXPAND_ACT(be[e] + sum_k we[e][k] · x[n][k][iy][ix])
 *   y[n][e][oy][ox] = ACT(bd[e] + sum_{ky,kx} wd[e][ky][kx] · t[e][oy·SH − PT + ky][ox·SW − PL + kx])
 *
 * The expanded tensor t (MobileNet's largest: six times the block's input) never reaches memory. Each work-item
 * owns CE channels of one image and walks the plane top to bottom: it expands each input row once, as VE-wide
 * vectors, into a ring of KH rows per channel in private memory whose margins stay zero (the padding), then runs
 * the depthwise window over the ring VW outputs at a time, with no bounds test on a column.
 *
 * Defines: K, H, W (input), HO, WO (output), KH, KW, SH, SW (1 or 2), PT, PL; CE channels per work-item; VE (8 or
 * 16) expand lanes; VW (8 or 16) depthwise outputs per step; WS the ring's row stride; EXPAND_BIAS, HAS_BIAS;
 * EXPAND_ACT, EXPAND_ACT_ALPHA; ACT, ACT_ALPHA. The expand weight is packed [E / CE][K][CE].
 * Global size: (E / CE, N).
 */
#ifndef K
#define K 16
#endif
#ifndef H
#define H 8
#endif
#ifndef W
#define W 8
#endif
#ifndef HO
#define HO 8
#endif
#ifndef WO
#define WO 8
#endif
#ifndef KH
#define KH 3
#endif
#ifndef KW
#define KW 3
#endif
#ifndef SH
#define SH 1
#endif
#ifndef SW
#define SW 1
#endif
#ifndef PT
#define PT 1
#endif
#ifndef PL
#define PL 1
#endif
#ifndef CE
#define CE 4
#endif
#ifndef VE
#define VE 8
#endif
#ifndef VW
#define VW 8
#endif
#ifndef WS
#define WS 32
#endif
#ifndef EXPAND_BIAS
#define EXPAND_BIAS 0
#endif
#ifndef EXPAND_ACT
#define EXPAND_ACT 0
#endif
#ifndef EXPAND_ACT_ALPHA
#define EXPAND_ACT_ALPHA 0.0f
#endif

#define VEC_E STRIX_CAT(float, VE)
#define LOAD_E STRIX_CAT(vload, VE)
#define STORE_E STRIX_CAT(vstore, VE)
#define VEC_W STRIX_CAT(float, VW)
#define STORE_W STRIX_CAT(vstore, VW)
#if VE == 8
#define LANES_E ((int8)(0, 1, 2, 3, 4, 5, 6, 7))
#else
#define LANES_E ((int16)(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
#endif
/* A stride-2 step reads twice its width and keeps the even lanes. */
#if SW == 1
#define LOAD_W(p) STRIX_CAT(vload, VW)(0, (p))
#elif VW == 8
#define LOAD_W(p) vload16(0, (p)).even
#else
#define LOAD_W(p) (float16)(vload16(0, (p)).even, vload16(0, (p) + 16).even)
#endif
#define PLANE (H * W)
/* Columns of a row the expand covers in whole vectors; the last vector's lanes from W on are zeroed. */
#define TAIL (W % VE)
#define ROW_VECTORS ((W + VE - 1) / VE)

/* Expands input row iy of the CE channels from e0 into their ring slot iy % KH. */
static void expand_row(__global const float* xn, __global const float* wp, __global const float* be, float* ring,
                       const int e0, const int iy, const bool lastPlane) {
    __global const float* xr = xn + iy * W;
    float* slot = ring + (iy % KH) * WS + PL;
    for (int v = 0; v < ROW_VECTORS; v++) {
        const int x0 = v * VE;
        VEC_E acc[CE];
        #pragma unroll
        for (int ce = 0; ce < CE; ce++) {
#if EXPAND_BIAS
            acc[ce] = (VEC_E)(be[e0 + ce]);
#else
            acc[ce] = (VEC_E)(0.0f);
#endif
        }
        /* The last row's ragged vector of the last image would read past the input: lane by lane there. */
        if (TAIL != 0 && lastPlane && iy == H - 1 && v == ROW_VECTORS - 1) {
            for (int k = 0; k < K; k++) {
                float part[VE];
                for (int i = 0; i < VE; i++) {
                    part[i] = i < TAIL ? xr[k * PLANE + x0 + i] : 0.0f;
                }
                const VEC_E xv = LOAD_E(0, part);
                #pragma unroll
                for (int ce = 0; ce < CE; ce++) {
                    acc[ce] = fma((VEC_E)(wp[k * CE + ce]), xv, acc[ce]);
                }
            }
        } else {
            for (int k = 0; k < K; k++) {
                const VEC_E xv = LOAD_E(0, xr + k * PLANE + x0);
                #pragma unroll
                for (int ce = 0; ce < CE; ce++) {
                    acc[ce] = fma((VEC_E)(wp[k * CE + ce]), xv, acc[ce]);
                }
            }
        }
        #pragma unroll
        for (int ce = 0; ce < CE; ce++) {
            VEC_E t = acc[ce];
            t = STRIX_ACT_AS(EXPAND_ACT, EXPAND_ACT_ALPHA, t);
            if (TAIL != 0 && v == ROW_VECTORS - 1) {
                /* Lanes past the row are the right padding the depthwise window reads: zero. */
                t = select((VEC_E)(0.0f), t, LANES_E < TAIL);
            }
            STORE_E(t, 0, slot + ce * KH * WS + x0);
        }
    }
}

__kernel void expand_depthwise(__global const float* x, __global const float* we, __global const float* be,
                               __global const float* wd, __global const float* bd, __global float* y) {
    const int e0 = get_global_id(0) * CE;
    const int n = get_global_id(1);
    const int channels = get_global_size(0) * CE;
    const bool lastPlane = n == get_global_size(1) - 1;
    __global const float* xn = x + n * K * PLANE;
    __global const float* wp = we + e0 * K;
    /* ring[ce][slot][WS]: row ix of the input at PL + ix, zeros around it. */
    float ring[CE * KH * WS];
    for (int i = 0; i < CE * KH * WS; i++) {
        ring[i] = 0.0f;
    }
    int next = 0;
    for (int oy = 0; oy < HO; oy++) {
        const int top = oy * SH - PT;
        const int bottom = min(top + KH - 1, H - 1);
        for (; next <= bottom; next++) {
            expand_row(xn, wp, be, ring, e0, next, lastPlane);
        }
        for (int ce = 0; ce < CE; ce++) {
            const int e = e0 + ce;
            __global const float* w = wd + e * KH * KW;
            __global float* out = y + ((n * channels + e) * HO + oy) * WO;
            const float* rows = ring + ce * KH * WS;
            for (int ox0 = 0; ox0 < WO; ox0 += VW) {
#if HAS_BIAS
                VEC_W acc = (VEC_W)(bd[e]);
#else
                VEC_W acc = (VEC_W)(0.0f);
#endif
                #pragma unroll
                for (int ky = 0; ky < KH; ky++) {
                    const int iy = top + ky;
                    if (iy >= 0 && iy < H) {
                        const float* row = rows + (iy % KH) * WS + ox0 * SW;
                        #pragma unroll
                        for (int kx = 0; kx < KW; kx++) {
                            acc = fma((VEC_W)(w[ky * KW + kx]), LOAD_W(row + kx), acc);
                        }
                    }
                }
                acc = STRIX_ACT(acc);
                if (ox0 + VW <= WO) {
                    STORE_W(acc, 0, out + ox0);
                } else {
                    float part[VW];
                    STORE_W(acc, 0, part);
                    for (int i = 0; i < WO - ox0; i++) {
                        out[ox0 + i] = part[i];
                    }
                }
            }
        }
    }
}
