package dev.strix.aparapi.kernels;

/**
 * The convolution kernels that read a zero-padded copy of their input ({@link CopyKernel}: [N, C, Hp, Wp] and a
 * little slack) at stride 1, 16 positions per work item: a position q runs over each padded plane's rows flattened
 * (q = oy·Wp + ox) and reads x at q + {@link #tapOffsets}[tap], so 16 consecutive positions read 16 consecutive
 * addresses whatever the row breaks, with no bounds test, and LLVM's SLP vectoriser (PoCL) turns the work item's
 * multiply-adds into vector FMAs. Positions in the padding columns (ox ≥ Wo) are computed and not stored: 2 of 9 on
 * a 7-wide plane with a 3×3 window.
 */
public abstract class PaddedConvolution extends ConvolutionKernel {
    /** Padded plane width and height (Wp = W + left + right padding). */
    public int paddedWidth;
    public int paddedHeight;
    /** Offset of each tap (ky·kw + kx) in the padded plane: (ky·Wp + kx)·dilation. */
    public int[] tapOffsets;

    /** Stores the four positions from q of channel oc that lie inside the output (not in a padding column). */
    protected final void storeFlat(int yBase, int oc, int q, float v0, float v1, float v2, float v3) {
        storeAt(yBase, oc, q, v0);
        storeAt(yBase, oc, q + 1, v1);
        storeAt(yBase, oc, q + 2, v2);
        storeAt(yBase, oc, q + 3, v3);
    }

    private void storeAt(int yBase, int oc, int q, float v) {
        int oy = q / paddedWidth;
        int ox = q - oy * paddedWidth;
        if (oy < outHeight && ox < outWidth) {
            float b = hasBias == 1 ? bias[oc] : 0f;
            y[yBase + (oc * outHeight + oy) * outWidth + ox] = activate(act, alpha, v + b);
        }
    }
}
