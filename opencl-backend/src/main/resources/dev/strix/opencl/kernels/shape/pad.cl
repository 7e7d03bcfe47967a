/*
 * pad.cl: torch.nn.functional.pad on the last two dims of x [planes, H, W] into [planes, HO, WO] with
 * HO = PT + H + PB, WO = PL + W + PR:
 *   MODE 0 constant (VALUE outside), 1 reflect (mirror without repeating the edge), 2 replicate (edge repeated).
 *
 * Tunables: MODE, VALUE. Global size: planes · HO · WO rounded up to the work-group.
 */
#ifndef MODE
#define MODE 0
#endif
#ifndef VALUE
#define VALUE 0.0f
#endif

__kernel void pad(__global const float* x, __global float* y, const int planes, const int H, const int W,
                  const int HO, const int WO, const int PT, const int PL) {
    const int i = get_global_id(0);
    if (i >= planes * HO * WO) {
        return;
    }
    const int ox = i % WO;
    const int oy = (i / WO) % HO;
    const int plane = i / (WO * HO);
    int iy = oy - PT;
    int ix = ox - PL;
#if MODE == 0
    y[i] = (iy >= 0 && iy < H && ix >= 0 && ix < W) ? x[(plane * H + iy) * W + ix] : VALUE;
#else
#if MODE == 1
    iy = iy < 0 ? -iy : (iy >= H ? 2 * (H - 1) - iy : iy);
    ix = ix < 0 ? -ix : (ix >= W ? 2 * (W - 1) - ix : ix);
#else
    iy = clamp(iy, 0, H - 1);
    ix = clamp(ix, 0, W - 1);
#endif
    y[i] = x[(plane * H + iy) * W + ix];
#endif
}
