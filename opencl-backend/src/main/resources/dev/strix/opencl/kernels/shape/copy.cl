/*
 * copy.cl: copies J blocks of `inner` values per outer index, with a step in the source — concat (one launch per
 * input), split (one per output), slice and class-token insertion are all this copy:
 *
 *   dst[o·dstOuter + (dstOff + j)·inner + i] = src[o·srcOuter + (srcOff + j·step)·inner + i]
 *
 * Tunables: none. Global size: outer · J · inner rounded up to the work-group.
 */
__kernel void copy(__global const float* src, __global float* dst, const int outer, const int J, const int inner,
                   const int srcOuter, const int srcOff, const int step, const int dstOuter, const int dstOff) {
    const int t = get_global_id(0);
    if (t >= outer * J * inner) {
        return;
    }
    const int i = t % inner;
    const int j = (t / inner) % J;
    const int o = t / (inner * J);
    dst[o * dstOuter + (dstOff + j) * inner + i] = src[o * srcOuter + (srcOff + j * step) * inner + i];
}
