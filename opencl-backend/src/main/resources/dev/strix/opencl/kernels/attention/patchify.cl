/*
 * patchify.cl: cuts x [N, C, H, W] into non-overlapping P×P patches, one row per patch, so a patch embedding is a
 * GEMM with the [E, C·P·P] weight:
 *
 *   rows[n·L + l][(c·P + ky)·P + kx] = x[n][c][py·P + ky][px·P + kx],  l = py·(W/P) + px
 *
 * Tunables: none. Global size: N·L·C·P·P rounded up to the work-group.
 */
__kernel void patchify(__global const float* x, __global float* rows, const int N, const int C, const int H,
                       const int W, const int P) {
    const int t = get_global_id(0);
    const int K = C * P * P;
    const int PW = W / P;
    const int L = (H / P) * PW;
    if (t >= N * L * K) {
        return;
    }
    const int k = t % K;
    const int l = (t / K) % L;
    const int n = t / (K * L);
    const int kx = k % P;
    const int ky = (k / P) % P;
    const int c = k / (P * P);
    const int py = l / PW;
    const int px = l - py * PW;
    rows[t] = x[((n * C + c) * H + py * P + ky) * W + px * P + kx];
}
