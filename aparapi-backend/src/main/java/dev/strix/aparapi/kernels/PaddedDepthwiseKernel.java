package dev.strix.aparapi.kernels;

/**
 * Depthwise convolution (one input channel per output channel) over a padded (strided: phase-split) copy, 16
 * flattened positions of one channel per work item ({@link PaddedConvolution}): per tap one weight and 16
 * consecutive inputs, which PoCL's LLVM runs as vector FMAs where {@link ConvDirectKernel}'s clamped, masked reads
 * stay scalar. Weight [C, 1, kh, kw].
 */
public final class PaddedDepthwiseKernel extends PaddedConvolution {
    /** Floats of one work item's tile in {@link #tiles}: its 16 sums. */
    public static final int TILE_FLOATS = 16;

    /** Tap rows: the taps of one window row that read one phase plane, in order (at stride 1, a window row). */
    public int rowCount;
    /** Per tap row: offset of its first tap from a position (in the padded plane, or in its phase plane). */
    public int[] rowOffsets;
    /** Per tap row: index of its first tap's weight within a channel's kh · kw. */
    public int[] rowWeights;
    /** Per tap row: its taps. */
    public int[] rowLengths;
    /**
     * Offset and weight index between consecutive taps of a row. Looping over a row with these fixed steps keeps the
     * 16 inputs' addresses in the form LLVM loads as vectors; through the table of tap offsets it gathered them.
     */
    public int columnStep;
    public int weightColumnStep;

    /**
     * Blocks of 16 outputs per output row, or 0. With it (outputs at least 16 wide) a work item takes 16 outputs of
     * one row (a row's last block shifted to end at its last output, its overlap written twice with the same
     * values) without a test per output; over the flattened rows of the padded plane a block crosses row ends and
     * padding columns and stores output by output, which had cost more than the taps (mobilenet_v2's features.2 and
     * .4, 56 and 28 wide: 0.53 → 0.40 and 0.24 → 0.19 ms, fastest of 30 runs). Without it (narrower outputs),
     * positions run over the flattened rows.
     */
    public int rowBlocks;

    @Override
    protected void compute(int id) {
        int plane = 0;
        int q0 = 0;
        int oy = 0;
        int ox0 = 0;
        if (rowBlocks > 0) {
            int rb = id % rowBlocks;
            int rest = id / rowBlocks;
            oy = rest % outHeight;
            plane = rest / outHeight;
            ox0 = min(rb * 16, outWidth - 16);
            q0 = oy * paddedWidth + ox0;
        } else {
            int qBlocks = (outHeight * paddedWidth + 15) / 16;
            plane = id / qBlocks;
            q0 = (id % qBlocks) * 16;
        }
        int c = plane % outChannels;
        int image = plane / outChannels;
        int xo = plane * channelStride + q0;
        int wo = c * kernelH * kernelW;
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        float s8 = 0f, s9 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s14 = 0f, s15 = 0f;
        for (int r = 0; r < rowCount; r++) {
            int xr = xo + rowOffsets[r];
            int wr = wo + rowWeights[r];
            int length = rowLengths[r];
            for (int t = 0; t < length; t++) {
                int o = xr + t * columnStep;
                float b = w[wr + t * weightColumnStep];
                s0 += b * x[o]; s1 += b * x[o + 1]; s2 += b * x[o + 2]; s3 += b * x[o + 3];
                s4 += b * x[o + 4]; s5 += b * x[o + 5]; s6 += b * x[o + 6]; s7 += b * x[o + 7];
                s8 += b * x[o + 8]; s9 += b * x[o + 9]; s10 += b * x[o + 10]; s11 += b * x[o + 11];
                s12 += b * x[o + 12]; s13 += b * x[o + 13]; s14 += b * x[o + 14]; s15 += b * x[o + 15];
            }
        }
        // The sums go through the scratch tile in both modes: stores straight from them in one mode and to the
        // tile in the other gave the vectoriser two orders to follow, and it gathered the taps' inputs.
        int t0 = id * TILE_FLOATS;
        tiles[t0] = s0; tiles[t0 + 1] = s1; tiles[t0 + 2] = s2; tiles[t0 + 3] = s3;
        tiles[t0 + 4] = s4; tiles[t0 + 5] = s5; tiles[t0 + 6] = s6; tiles[t0 + 7] = s7;
        tiles[t0 + 8] = s8; tiles[t0 + 9] = s9; tiles[t0 + 10] = s10; tiles[t0 + 11] = s11;
        tiles[t0 + 12] = s12; tiles[t0 + 13] = s13; tiles[t0 + 14] = s14; tiles[t0 + 15] = s15;
        float b = hasBias == 1 ? bias[c] : 0f;
        // ReLU and ReLU6 inline as clamps; other activations through activate().
        int clamp = act == RELU || act == RELU6 ? 1 : 0;
        float hi = act == RELU6 ? 6f : HIGHEST;
        if (rowBlocks > 0) {
            int yo = (plane * outHeight + oy) * outWidth + ox0;
            // Final values only: a shifted last block writes the outputs it shares with the block before, so an
            // activation applied in place afterwards could meet the other's raw sum and apply twice.
            if (clamp == 1 || act == IDENTITY) {
                for (int j = 0; j < 16; j++) {
                    float v = tiles[t0 + j] + b;
                    y[yo + j] = clamp == 1 ? min(max(v, 0f), hi) : v;
                }
            } else {
                for (int j = 0; j < 16; j++) {
                    y[yo + j] = activate(act, alpha, tiles[t0 + j] + b);
                }
            }
            return;
        }
        storeRun(t0, (image * outChannels + c) * outHeight * outWidth, q0, b);
    }
}
