/*
 * pool2d_rows.cl: pool2d.cl's max and average pooling (same definitions, PyTorch's) with one work-item per output
 * row and the window compiled in, for CPUs: PoCL pays per work-item and per integer division, and pool2d.cl's
 * element per work-item took 9.4 ms of resnet50's batch-8 run for its one max pool. Outputs whose window lies
 * inside the input columns skip the column tests, and with stride 1 or 2 run eight at a time as vectors.
 *
 * Tunables: MODE (0 max, 1 avg), INCLUDE_PAD; the window KH, KW, SH, SW, PT, PL, DH, DW (average pooling has no
 * dilation: DH = DW = 1). Global size: (HO, N·C).
 */
#ifndef MODE
#define MODE 0
#endif
#ifndef INCLUDE_PAD
#define INCLUDE_PAD 1
#endif
#ifndef KH
#define KH 3
#endif
#ifndef KW
#define KW 3
#endif
#ifndef SH
#define SH 2
#endif
#ifndef SW
#define SW 2
#endif
#ifndef PT
#define PT 1
#endif
#ifndef PL
#define PL 1
#endif
#ifndef DH
#define DH 1
#endif
#ifndef DW
#define DW 1
#endif

/* Output ox of the row whose window starts at input row y0; INSIDE: every column of the window is in the input. */
#define POOL_AT(ox, INSIDE) pool_at(xp, H, W, y0, (ox) * SW - PL, INSIDE)

static inline float pool_at(__global const float* xp, const int H, const int W, const int y0, const int x0,
                            const bool inside) {
#if MODE == 0
    float m = -INFINITY;
    #pragma unroll
    for (int ky = 0; ky < KH; ky++) {
        const int iy = y0 + ky * DH;
        if (iy >= 0 && iy < H) {
            __global const float* row = xp + iy * W + x0;
            #pragma unroll
            for (int kx = 0; kx < KW; kx++) {
                if (inside || (x0 + kx * DW >= 0 && x0 + kx * DW < W)) {
                    m = fmax(m, row[kx * DW]);
                }
            }
        }
    }
    return m;
#else
    const int y1 = min(y0 + KH, H + PT);
    const int x1 = min(x0 + KW, W + PL);
    const int padded = (y1 - y0) * (x1 - x0);
    float sum = 0.0f;
    int count = 0;
    #pragma unroll
    for (int ky = 0; ky < KH; ky++) {
        const int iy = y0 + ky;
        if (iy >= 0 && iy < min(y1, H)) {
            __global const float* row = xp + iy * W + x0;
            #pragma unroll
            for (int kx = 0; kx < KW; kx++) {
                if (inside || (x0 + kx >= 0 && x0 + kx < min(x1, W))) {
                    sum += row[kx];
                    count++;
                }
            }
        }
    }
#if INCLUDE_PAD
    const int div = padded;
#else
    const int div = count;
#endif
    return count == 0 ? 0.0f : sum / div;
#endif
}

__kernel void pool2d_rows(__global const float* x, __global float* y, const int H, const int W, const int HO,
                          const int WO) {
    const int oy = get_global_id(0);
    const int plane = get_global_id(1);
    __global const float* xp = x + plane * H * W;
    __global float* yp = y + (plane * HO + oy) * WO;
    const int y0 = oy * SH - PT;
    /* Outputs lo ≤ ox < hi have their whole window inside the input's columns. */
    const int lo = min(WO, (PL + SW - 1) / SW);
    const int last = W - 1 - (KW - 1) * DW + PL;
    const int hi = last < 0 ? lo : max(lo, min(WO, last / SW + 1));
    for (int ox = 0; ox < lo; ox++) {
        yp[ox] = POOL_AT(ox, false);
    }
    int ox = lo;
#if SW == 1 || SW == 2
    /* Eight outputs at a time where their reads stay inside the row (a stride-2 load takes 16 and keeps the even
       lanes): the window's rows are the same for all eight. */
    const int rows = min(y0 + KH, H) - max(y0, 0);
#if MODE == 1 && INCLUDE_PAD
    const float div = (float) ((min(y0 + KH, H + PT) - y0) * KW);
#elif MODE == 1
    const float div = (float) (rows * KW);
#endif
    for (; ox + 8 <= hi && ox * SW - PL + (KW - 1) * DW + 8 * SW <= W; ox += 8) {
        const int x0 = ox * SW - PL;
#if MODE == 0
        float8 acc = (float8)(-INFINITY);
#else
        float8 acc = (float8)(0.0f);
#endif
        #pragma unroll
        for (int ky = 0; ky < KH; ky++) {
            const int iy = y0 + ky * DH;
            if (iy >= 0 && iy < H) {
                __global const float* row = xp + iy * W + x0;
                #pragma unroll
                for (int kx = 0; kx < KW; kx++) {
#if SW == 1
                    const float8 v = vload8(0, row + kx * DW);
#else
                    const float8 v = vload16(0, row + kx * DW).even;
#endif
#if MODE == 0
                    acc = fmax(acc, v);
#else
                    acc += v;
#endif
                }
            }
        }
#if MODE == 1
        acc = rows > 0 ? acc / div : (float8)(0.0f);
#endif
        vstore8(acc, 0, yp + ox);
    }
#endif
    for (; ox < hi; ox++) {
        yp[ox] = POOL_AT(ox, true);
    }
    for (int ox = hi; ox < WO; ox++) {
        yp[ox] = POOL_AT(ox, false);
    }
}
