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
}
