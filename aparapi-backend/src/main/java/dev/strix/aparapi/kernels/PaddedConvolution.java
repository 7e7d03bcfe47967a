package dev.strix.aparapi.kernels;

/**
 * The convolution kernels that read a zero-padded copy of their input ({@link CopyKernel}: [N, C, Hp, Wp] and a
 * little slack), 16 positions per work item: a position q runs over the copy's rows flattened (q = oy·Wp + ox) and
 * reads x at q plus the tap's offset, so 16 consecutive positions read 16 consecutive addresses whatever the
 * row breaks, with no bounds test, and LLVM's SLP vectoriser (PoCL) turns the work item's multiply-adds into vector
 * FMAs. Positions in the padding columns (ox ≥ Wo) are computed and not stored: 2 of 9 on a 7-wide plane with a
 * 3×3 window.
 *
 * <p>At stride s the copy is split further into s_h·s_w phase planes per channel (phase (py, px) holds padded pixel
 * (s_h·i + py, s_w·j + px) at (i, j)): tap (ky, kx) of output (oy, ox) is then pixel (oy + ky·d_h / s_h, ox +
 * kx·d_w / s_w) of phase ((ky·d_h) mod s_h, (kx·d_w) mod s_w), a stride-1 read again, and {@link #paddedWidth} is a
 * phase plane's width.
 */
public abstract class PaddedConvolution extends ConvolutionKernel {
    /** Width of the planes the kernel reads (the padded width at stride 1, a phase plane's width above it). */
    public int paddedWidth;
    /** Floats between consecutive channels of the padded copy (all of a channel's phase planes). */
    public int channelStride;
    /**
     * Scratch, a tile per work item: each writes its sums here first, all at consecutive addresses, and moves them
     * to y afterwards ({@link #storeRun}). LLVM's SLP vectoriser starts from such stores; behind the per-position
     * tests of a direct store it grouped the sums so badly that PaddedConvKernel's tile was 1.3–1.6× slower (3×3,
     * 64 channels on 56 × 56: 19–22 → 27–37 GFLOP/s; 512 on 7 × 7: 16–18 → 22–26). Written before it is read in
     * every launch: uploaded once, never fetched.
     */
    public float[] tiles;

    /**
     * Moves the 16 sums at tiles[t] (flattened positions q … q + 15 of one channel) to that channel's plane of y at
     * yPlane, with the bias b and the activation, dropping positions in padding columns (ox ≥ Wo) or past the last
     * row. ReLU and ReLU6 are clamps inline: PoCL does not inline activate(), and a call per output had cost more
     * than a 3-channel convolution's products (mobilenet_v2's stem 0.92 → 0.61 ms, fastest of 30 runs).
     */
    protected final void storeRun(int t, int yPlane, int q, float b) {
        int oy = q / paddedWidth;
        int ox = q - oy * paddedWidth;
        int clamp = act == RELU || act == RELU6 ? 1 : 0;
        float hi = act == RELU6 ? 6f : HIGHEST;
        for (int j = 0; j < 16; j++) {
            if (oy < outHeight && ox < outWidth) {
                float v = tiles[t + j] + b;
                if (clamp == 1) {
                    v = min(max(v, 0f), hi);
                } else if (act != IDENTITY) {
                    v = activate(act, alpha, v);
                }
                y[yPlane + oy * outWidth + ox] = v;
            }
            ox++;
            if (ox == paddedWidth) {
                ox = 0;
                oy++;
            }
        }
    }
}
