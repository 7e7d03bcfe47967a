/*
 * transpose.cl: batched transpose of R×CC matrices into contiguous CC×R ones:
 *
 *   dst[b][c][r] = src[off + (b / inner)·s1 + (b % inner)·s2 + r·ld + c]
 *
 * Used for Kᵀ of each attention head and for matmul's transpose_b. Tunables: none.
 * Global size: (CC·R rounded up, batches).
 */
__kernel void transpose(__global const float* src, __global float* dst, const int R, const int CC, const int off,
                        const int ld, const int s1, const int s2, const int inner) {
    const int t = get_global_id(0);
    const int b = get_global_id(1);
    if (t >= R * CC) {
        return;
    }
    const int r = t % R;
    const int c = t / R;
    const int b1 = b / inner;
    const int b2 = b - b1 * inner;
    dst[(b * CC + c) * R + r] = src[off + b1 * s1 + b2 * s2 + r * ld + c];
}
