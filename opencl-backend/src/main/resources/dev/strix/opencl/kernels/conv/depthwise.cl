/*
 * depthwise.cl: convolution with one group per input channel (groups = C, O = C·multiplier), computed directly:
 *
 *   y[n][o][oy][ox] = act(bias[o] + sum_{ky,kx} w[o][ky][kx] · x[n][o / (O/C)][oy·SH − PT + ky·DH][ox·SW − PL + kx·DW]
 *                     + R[n][o][oy][ox])
 *
 * One work-item computes ROWS output rows of one channel, VW neighbouring outputs at a time, with the channel's
 * KH×KW weights in registers. The window's geometry is compiled in, so the loops unroll; a block of VW outputs
 * whose reads all lie inside the input row skips every bounds test and, for strides 1 and 2, runs as vector FMAs.
 * CPUs want several rows per work-item (PoCL pays per work-item); GPUs want ROWS = 1 for parallelism.
 *
 * With PADDED = 1 the input is a copy made by pad_plane: zero padding around every plane and enough columns on
 * the right that every vector load stays inside, so the kernel runs without a single bounds test (CPUs: the
 * tests, not the FMAs, were most of the time). PT and PL are then 0 and H, W the padded plane's size.
 *
 * Tunables: KH, KW, SH, SW, DH, DW (the window; defaults 3×3, stride 1, dilation 1); VW outputs per step (default
 * 8; 8 and 16 run as vectors); ROWS output rows per work-item (default 1); PADDED (default 0); HAS_BIAS,
 * HAS_RESIDUAL, ACT, ACT_ALPHA (common.cl).
 * Global size: (ceil(HO / ROWS), N·O); pad_plane: (HP, N·C).
 */
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
#ifndef DH
#define DH 1
#endif
#ifndef DW
#define DW 1
#endif
#ifndef VW
#define VW 8
#endif
#ifndef ROWS
#define ROWS 1
#endif
#ifndef PADDED
#define PADDED 0
#endif
/* Strides 1 and 2 with 8 or 16 outputs per step run as vector FMAs (VEC); a stride-2 load fetches twice the
   width and keeps the even lanes. */
#if (VW == 8 || VW == 16) && (SW == 1 || SW == 2)
#define VECTOR 1
#if VW == 8
#define VEC float8
#define VSTORE vstore8
#if SW == 1
#define LOADV(p) vload8(0, (p))
#else
#define LOADV(p) vload16(0, (p)).even
#endif
#else
#define VEC float16
#define VSTORE vstore16
#if SW == 1
#define LOADV(p) vload16(0, (p))
#else
#define LOADV(p) (float16)(vload16(0, (p)).even, vload16(0, (p) + 16).even)
#endif
#endif
#else
#define VECTOR 0
#endif
/* The inputs one step reads from a row, including the odd lanes a stride-2 load drops. */
#define SPAN (VW * SW + (KW - 1) * DW)

__kernel void depthwise(__global const float* x, __global const float* w, __global const float* bias,
                        __global const float* R, __global float* y, const int C, const int H, const int W,
                        const int O, const int HO, const int WO, const int PT, const int PL) {
    const int oy0 = get_global_id(0) * ROWS;
    const int no = get_global_id(1);
    if (oy0 >= HO) {
        return;
    }
    const int o = no % O;
    const int n = no / O;
    const int c = o / (O / C);
    __global const float* xp = x + (n * C + c) * H * W;
    __global const float* wp = w + o * KH * KW;
#if HAS_BIAS
    const float b = bias[o];
#else
    const float b = 0.0f;
#endif
    const int oyEnd = min(oy0 + ROWS, HO);
    for (int oy = oy0; oy < oyEnd; oy++) {
        for (int ox0 = 0; ox0 < WO; ox0 += VW) {
            const int ix0 = ox0 * SW - PL;
#if VECTOR
            VEC acc = (VEC)(b);
#if PADDED
            for (int ky = 0; ky < KH; ky++) {
                __global const float* row = xp + (oy * SH + ky * DH) * W + ix0;
                for (int kx = 0; kx < KW; kx++) {
                    acc = fma((VEC)(wp[ky * KW + kx]), LOADV(row + kx * DW), acc);
                }
            }
#else
            const bool inside = ix0 >= 0 && ix0 + SPAN <= W;
            for (int ky = 0; ky < KH; ky++) {
                const int iy = oy * SH - PT + ky * DH;
                if (iy < 0 || iy >= H) {
                    continue;
                }
                __global const float* row = xp + iy * W + ix0;
                if (inside) {
                    for (int kx = 0; kx < KW; kx++) {
                        acc = fma((VEC)(wp[ky * KW + kx]), LOADV(row + kx * DW), acc);
                    }
                } else {
                    /* The window's span of the row with zeros where it leaves the input: still vector FMAs. */
                    float span[SPAN];
                    for (int i = 0; i < SPAN; i++) {
                        span[i] = ix0 + i >= 0 && ix0 + i < W ? row[i] : 0.0f;
                    }
                    for (int kx = 0; kx < KW; kx++) {
                        acc = fma((VEC)(wp[ky * KW + kx]), LOADV(span + kx * DW), acc);
                    }
                }
            }
#endif
            float out[VW];
            VSTORE(acc, 0, out);
#else
            float out[VW];
            for (int v = 0; v < VW; v++) {
                out[v] = b;
            }
            for (int ky = 0; ky < KH; ky++) {
                const int iy = oy * SH - PT + ky * DH;
                if (iy < 0 || iy >= H) {
                    continue;
                }
                __global const float* row = xp + iy * W + ix0;
                for (int kx = 0; kx < KW; kx++) {
                    const float wv = wp[ky * KW + kx];
                    for (int v = 0; v < VW; v++) {
                        const int ix = ix0 + v * SW + kx * DW;
                        if (ix >= 0 && ix < W) {
                            out[v] = fma(wv, row[v * SW + kx * DW], out[v]);
                        }
                    }
                }
            }
#endif
            const int base = (no * HO + oy) * WO + ox0;
            const int count = min(VW, WO - ox0);
            for (int v = 0; v < count; v++) {
                float a = out[v];
#if HAS_RESIDUAL
                a += R[base + v];
#endif
                a = STRIX_ACT(a);
                y[base + v] = a;
            }
        }
    }
}

/* xp[nc][py][px] = x[nc][py − PT][px − PL], zero outside x: the padded planes the PADDED kernel reads. One
   work-item per padded row. */
__kernel void pad_plane(__global const float* x, __global float* xp, const int H, const int W, const int HP,
                        const int WP, const int PT, const int PL) {
    const int py = get_global_id(0);
    const int nc = get_global_id(1);
    const int iy = py - PT;
    __global float* out = xp + (nc * HP + py) * WP;
    if (iy < 0 || iy >= H) {
        for (int px = 0; px < WP; px++) {
            out[px] = 0.0f;
        }
        return;
    }
    __global const float* in = x + (nc * H + iy) * W;
    const int right = min(WP, PL + W);
    for (int px = 0; px < PL; px++) {
        out[px] = 0.0f;
    }
    for (int px = PL; px < right; px++) {
        out[px] = in[px - PL];
    }
    for (int px = right; px < WP; px++) {
        out[px] = 0.0f;
    }
}
