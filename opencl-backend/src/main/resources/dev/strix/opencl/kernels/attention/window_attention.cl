/*
 * window_attention.cl: the data movement and the biased softmax of Swin's (shifted) window attention on x
 * [N,H,W,C], channels last; the projections and the two attention products are GEMMs. The map is zero-padded to
 * HP×WP (multiples of the WH×WW window), rolled by (−SH, −SW) and split into windows; window b = image·windows +
 * (rr / WH)·(WP / WW) + rc / WW holds m = WH·WW tokens, token t at rolled (rr, rc) = (top + t / WW, left + t % WW),
 * which is padded-map position ((rr + SH) % HP, (rc + SW) % WP).
 *
 *   window_gather:  tokens[b][t][:] = x[image][row][col][:], zeros for padded positions.
 *                   Global size: (m rounded up to the group, N·windows).
 *   window_softmax: s[b][h][i][:] = softmax(SCALE · s + bias[h][i][:] + mask[b % windows][i][:]) in place
 *                   (MASKED = 1 adds the mask: −100 between tokens from different regions of a shifted map).
 *                   Global size: rows = N·windows·heads·m rounded up.
 *   window_scatter: y[image][row][col][:] = out[b][t][:] for the window and token each output position came from.
 *                   Global size: (H·W rounded up, N).
 * Tunables: MASKED (0), SCALE (1).
 */
#ifndef MASKED
#define MASKED 0
#endif
#ifndef SCALE
#define SCALE 1.0f
#endif

__kernel void window_gather(__global const float* x, __global float* tokens, const int H, const int W, const int C,
                            const int HP, const int WP, const int WH, const int WW, const int SH, const int SW) {
    const int t = get_global_id(0);
    const int b = get_global_id(1);
    const int m = WH * WW;
    if (t >= m) {
        return;
    }
    const int windowsW = WP / WW;
    const int windows = (HP / WH) * windowsW;
    const int image = b / windows;
    const int win = b - image * windows;
    const int row = ((win / windowsW) * WH + t / WW + SH) % HP;
    const int col = ((win % windowsW) * WW + t % WW + SW) % WP;
    __global float* dst = tokens + (b * m + t) * C;
    if (row < H && col < W) {
        __global const float* src = x + ((image * H + row) * W + col) * C;
        for (int c = 0; c < C; c++) {
            dst[c] = src[c];
        }
    } else {
        for (int c = 0; c < C; c++) {
            dst[c] = 0.0f;
        }
    }
}

__kernel void window_softmax(__global float* s, __global const float* bias, __global const float* mask,
                             const int rows, const int m, const int heads, const int windows) {
    const int r = get_global_id(0);
    if (r >= rows) {
        return;
    }
    const int i = r % m;
    const int h = (r / m) % heads;
    __global float* row = s + r * m;
    __global const float* br = bias + (h * m + i) * m;
#if MASKED
    const int b = r / (m * heads);
    __global const float* mr = mask + ((b % windows) * m + i) * m;
#endif
    float mx = -INFINITY;
    for (int j = 0; j < m; j++) {
        float v = fma(row[j], SCALE, br[j]);
#if MASKED
        v += mr[j];
#endif
        row[j] = v;
        mx = fmax(mx, v);
    }
    float sum = 0.0f;
    for (int j = 0; j < m; j++) {
        const float e = exp(row[j] - mx);
        row[j] = e;
        sum += e;
    }
    const float inv = 1.0f / sum;
    for (int j = 0; j < m; j++) {
        row[j] *= inv;
    }
}

__kernel void window_scatter(__global const float* out, __global float* y, const int H, const int W, const int C,
                             const int HP, const int WP, const int WH, const int WW, const int SH, const int SW) {
    const int p = get_global_id(0);
    const int image = get_global_id(1);
    if (p >= H * W) {
        return;
    }
    const int row = p / W;
    const int col = p - row * W;
    const int rr = (row - SH + HP) % HP;
    const int rc = (col - SW + WP) % WP;
    const int windowsW = WP / WW;
    const int b = image * (HP / WH) * windowsW + (rr / WH) * windowsW + rc / WW;
    const int t = (rr % WH) * WW + rc % WW;
    __global const float* src = out + (b * WH * WW + t) * C;
    __global float* dst = y + ((image * H + row) * W + col) * C;
    for (int c = 0; c < C; c++) {
        dst[c] = src[c];
    }
}
