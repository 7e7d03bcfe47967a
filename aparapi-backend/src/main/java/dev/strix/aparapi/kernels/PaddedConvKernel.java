package dev.strix.aparapi.kernels;

/**
 * Convolution for OpenCL over a padded (strided: also phase-split) copy of its input, 8 output channels × 16
 * flattened positions per work item ({@link PaddedConvolution}): per input channel and tap, 16 consecutive inputs
 * and 8 consecutive packed weights feed 128 multiply-adds, which PoCL's LLVM runs as vector FMAs — 44–85 GFLOP/s on
 * ResNet's 3×3 layers on two cores, where clamped, masked reads of the unpadded input had stayed scalar (~20).
 */
public final class PaddedConvKernel extends PaddedConvolution {
    /** Floats of one work item's tile in {@link #tiles}: 8 output channels × 16 positions. */
    public static final int TILE_FLOATS = 128;


    /**
     * Output channels per run of packed weights: always 8. The weights come packed [group][block of 8 output
     * channels][input channel][tap][8], zeros past each group's last channel (Gemms.rowPanels), so a work item's 8
     * weights of one (channel, tap) are consecutive. This and the two steps below are fields that equal values the
     * kernel could compute, on purpose: with a literal 8 LLVM writes the offsets +1 … +7 as
     * ORs, and with {@link #channelStride} in both x's base and its channel step it factors the two into one
     * product; either way the addresses lose the form its vectoriser proves consecutive, and it gathers the 16
     * inputs and 8 weights instead of loading vectors (a 3×3 convolution: 25–36 → 80–103 GFLOP/s).
     */
    public int panelChannels = 8;
    /** Floats from one input channel to the next in x: {@link #channelStride}. */
    public int inputChannelStep;
    /** Floats from one input channel's weights to the next in the packed weights: kh · kw · 8. */
    public int weightChannelStep;
    /**
     * Offset of each tap (ky·kw + kx) from a position in its channel: (ky·Wp + kx)·dilation at stride 1; strided,
     * its phase plane's start plus (ky·d_h / s_h)·Wph + kx·d_w / s_w.
     */
    public int[] tapOffsets;

    @Override
    protected void compute(int id) {
        int icg = channels / groups;
        int ocg = outChannels / groups;
        int positions = outHeight * paddedWidth;
        int qBlocks = (positions + 15) / 16;
        int ocBlocks = (ocg + 7) / 8;
        int qb = id % qBlocks;
        int rest = id / qBlocks;
        int ob = rest % ocBlocks;
        rest = rest / ocBlocks;
        int g = rest % groups;
        int image = rest / groups;
        int ocCount = min(8, ocg - ob * 8);
        int oc0 = g * ocg + ob * 8;
        int taps = kernelH * kernelW;
        int wBase = (g * ocBlocks + ob) * icg * taps * 8;
        int q0 = qb * 16;
        int xBase = (image * channels + g * icg) * channelStride + q0;
        float s0_0 = 0f, s0_1 = 0f, s0_2 = 0f, s0_3 = 0f, s0_4 = 0f, s0_5 = 0f, s0_6 = 0f, s0_7 = 0f;
        float s0_8 = 0f, s0_9 = 0f, s0_10 = 0f, s0_11 = 0f, s0_12 = 0f, s0_13 = 0f, s0_14 = 0f, s0_15 = 0f;
        float s1_0 = 0f, s1_1 = 0f, s1_2 = 0f, s1_3 = 0f, s1_4 = 0f, s1_5 = 0f, s1_6 = 0f, s1_7 = 0f;
        float s1_8 = 0f, s1_9 = 0f, s1_10 = 0f, s1_11 = 0f, s1_12 = 0f, s1_13 = 0f, s1_14 = 0f, s1_15 = 0f;
        float s2_0 = 0f, s2_1 = 0f, s2_2 = 0f, s2_3 = 0f, s2_4 = 0f, s2_5 = 0f, s2_6 = 0f, s2_7 = 0f;
        float s2_8 = 0f, s2_9 = 0f, s2_10 = 0f, s2_11 = 0f, s2_12 = 0f, s2_13 = 0f, s2_14 = 0f, s2_15 = 0f;
        float s3_0 = 0f, s3_1 = 0f, s3_2 = 0f, s3_3 = 0f, s3_4 = 0f, s3_5 = 0f, s3_6 = 0f, s3_7 = 0f;
        float s3_8 = 0f, s3_9 = 0f, s3_10 = 0f, s3_11 = 0f, s3_12 = 0f, s3_13 = 0f, s3_14 = 0f, s3_15 = 0f;
        float s4_0 = 0f, s4_1 = 0f, s4_2 = 0f, s4_3 = 0f, s4_4 = 0f, s4_5 = 0f, s4_6 = 0f, s4_7 = 0f;
        float s4_8 = 0f, s4_9 = 0f, s4_10 = 0f, s4_11 = 0f, s4_12 = 0f, s4_13 = 0f, s4_14 = 0f, s4_15 = 0f;
        float s5_0 = 0f, s5_1 = 0f, s5_2 = 0f, s5_3 = 0f, s5_4 = 0f, s5_5 = 0f, s5_6 = 0f, s5_7 = 0f;
        float s5_8 = 0f, s5_9 = 0f, s5_10 = 0f, s5_11 = 0f, s5_12 = 0f, s5_13 = 0f, s5_14 = 0f, s5_15 = 0f;
        float s6_0 = 0f, s6_1 = 0f, s6_2 = 0f, s6_3 = 0f, s6_4 = 0f, s6_5 = 0f, s6_6 = 0f, s6_7 = 0f;
        float s6_8 = 0f, s6_9 = 0f, s6_10 = 0f, s6_11 = 0f, s6_12 = 0f, s6_13 = 0f, s6_14 = 0f, s6_15 = 0f;
        float s7_0 = 0f, s7_1 = 0f, s7_2 = 0f, s7_3 = 0f, s7_4 = 0f, s7_5 = 0f, s7_6 = 0f, s7_7 = 0f;
        float s7_8 = 0f, s7_9 = 0f, s7_10 = 0f, s7_11 = 0f, s7_12 = 0f, s7_13 = 0f, s7_14 = 0f, s7_15 = 0f;
        // Taps outside, input channels inside: in the inner loop x's and the weights' addresses step by a fixed
        // amount, a form LLVM's SLP vectoriser sees as consecutive vectors (see panelChannels).
        for (int tap = 0; tap < taps; tap++) {
            int xTap = xBase + tapOffsets[tap];
            int wTap = wBase + tap * panelChannels;
            for (int ic = 0; ic < icg; ic++) {
                int o = xTap + ic * inputChannelStep;
                int wt = wTap + ic * weightChannelStep;
                float x0 = x[o];
                float x1 = x[o + 1];
                float x2 = x[o + 2];
                float x3 = x[o + 3];
                float x4 = x[o + 4];
                float x5 = x[o + 5];
                float x6 = x[o + 6];
                float x7 = x[o + 7];
                float x8 = x[o + 8];
                float x9 = x[o + 9];
                float x10 = x[o + 10];
                float x11 = x[o + 11];
                float x12 = x[o + 12];
                float x13 = x[o + 13];
                float x14 = x[o + 14];
                float x15 = x[o + 15];
                float b0 = w[wt];
                float b1 = w[wt + 1];
                float b2 = w[wt + 2];
                float b3 = w[wt + 3];
                float b4 = w[wt + 4];
                float b5 = w[wt + 5];
                float b6 = w[wt + 6];
                float b7 = w[wt + 7];
                s0_0 += b0 * x0; s0_1 += b0 * x1; s0_2 += b0 * x2; s0_3 += b0 * x3;
                s0_4 += b0 * x4; s0_5 += b0 * x5; s0_6 += b0 * x6; s0_7 += b0 * x7;
                s0_8 += b0 * x8; s0_9 += b0 * x9; s0_10 += b0 * x10; s0_11 += b0 * x11;
                s0_12 += b0 * x12; s0_13 += b0 * x13; s0_14 += b0 * x14; s0_15 += b0 * x15;
                s1_0 += b1 * x0; s1_1 += b1 * x1; s1_2 += b1 * x2; s1_3 += b1 * x3;
                s1_4 += b1 * x4; s1_5 += b1 * x5; s1_6 += b1 * x6; s1_7 += b1 * x7;
                s1_8 += b1 * x8; s1_9 += b1 * x9; s1_10 += b1 * x10; s1_11 += b1 * x11;
                s1_12 += b1 * x12; s1_13 += b1 * x13; s1_14 += b1 * x14; s1_15 += b1 * x15;
                s2_0 += b2 * x0; s2_1 += b2 * x1; s2_2 += b2 * x2; s2_3 += b2 * x3;
                s2_4 += b2 * x4; s2_5 += b2 * x5; s2_6 += b2 * x6; s2_7 += b2 * x7;
                s2_8 += b2 * x8; s2_9 += b2 * x9; s2_10 += b2 * x10; s2_11 += b2 * x11;
                s2_12 += b2 * x12; s2_13 += b2 * x13; s2_14 += b2 * x14; s2_15 += b2 * x15;
                s3_0 += b3 * x0; s3_1 += b3 * x1; s3_2 += b3 * x2; s3_3 += b3 * x3;
                s3_4 += b3 * x4; s3_5 += b3 * x5; s3_6 += b3 * x6; s3_7 += b3 * x7;
                s3_8 += b3 * x8; s3_9 += b3 * x9; s3_10 += b3 * x10; s3_11 += b3 * x11;
                s3_12 += b3 * x12; s3_13 += b3 * x13; s3_14 += b3 * x14; s3_15 += b3 * x15;
                s4_0 += b4 * x0; s4_1 += b4 * x1; s4_2 += b4 * x2; s4_3 += b4 * x3;
                s4_4 += b4 * x4; s4_5 += b4 * x5; s4_6 += b4 * x6; s4_7 += b4 * x7;
                s4_8 += b4 * x8; s4_9 += b4 * x9; s4_10 += b4 * x10; s4_11 += b4 * x11;
                s4_12 += b4 * x12; s4_13 += b4 * x13; s4_14 += b4 * x14; s4_15 += b4 * x15;
                s5_0 += b5 * x0; s5_1 += b5 * x1; s5_2 += b5 * x2; s5_3 += b5 * x3;
                s5_4 += b5 * x4; s5_5 += b5 * x5; s5_6 += b5 * x6; s5_7 += b5 * x7;
                s5_8 += b5 * x8; s5_9 += b5 * x9; s5_10 += b5 * x10; s5_11 += b5 * x11;
                s5_12 += b5 * x12; s5_13 += b5 * x13; s5_14 += b5 * x14; s5_15 += b5 * x15;
                s6_0 += b6 * x0; s6_1 += b6 * x1; s6_2 += b6 * x2; s6_3 += b6 * x3;
                s6_4 += b6 * x4; s6_5 += b6 * x5; s6_6 += b6 * x6; s6_7 += b6 * x7;
                s6_8 += b6 * x8; s6_9 += b6 * x9; s6_10 += b6 * x10; s6_11 += b6 * x11;
                s6_12 += b6 * x12; s6_13 += b6 * x13; s6_14 += b6 * x14; s6_15 += b6 * x15;
                s7_0 += b7 * x0; s7_1 += b7 * x1; s7_2 += b7 * x2; s7_3 += b7 * x3;
                s7_4 += b7 * x4; s7_5 += b7 * x5; s7_6 += b7 * x6; s7_7 += b7 * x7;
                s7_8 += b7 * x8; s7_9 += b7 * x9; s7_10 += b7 * x10; s7_11 += b7 * x11;
                s7_12 += b7 * x12; s7_13 += b7 * x13; s7_14 += b7 * x14; s7_15 += b7 * x15;
            }
        }
        // All 128 sums to this work item's scratch first, unconditionally (see tiles).
        int t0 = id * TILE_FLOATS;
        tiles[t0] = s0_0; tiles[t0 + 1] = s0_1; tiles[t0 + 2] = s0_2; tiles[t0 + 3] = s0_3;
        tiles[t0 + 4] = s0_4; tiles[t0 + 5] = s0_5; tiles[t0 + 6] = s0_6; tiles[t0 + 7] = s0_7;
        tiles[t0 + 8] = s0_8; tiles[t0 + 9] = s0_9; tiles[t0 + 10] = s0_10; tiles[t0 + 11] = s0_11;
        tiles[t0 + 12] = s0_12; tiles[t0 + 13] = s0_13; tiles[t0 + 14] = s0_14; tiles[t0 + 15] = s0_15;
        tiles[t0 + 16] = s1_0; tiles[t0 + 17] = s1_1; tiles[t0 + 18] = s1_2; tiles[t0 + 19] = s1_3;
        tiles[t0 + 20] = s1_4; tiles[t0 + 21] = s1_5; tiles[t0 + 22] = s1_6; tiles[t0 + 23] = s1_7;
        tiles[t0 + 24] = s1_8; tiles[t0 + 25] = s1_9; tiles[t0 + 26] = s1_10; tiles[t0 + 27] = s1_11;
        tiles[t0 + 28] = s1_12; tiles[t0 + 29] = s1_13; tiles[t0 + 30] = s1_14; tiles[t0 + 31] = s1_15;
        tiles[t0 + 32] = s2_0; tiles[t0 + 33] = s2_1; tiles[t0 + 34] = s2_2; tiles[t0 + 35] = s2_3;
        tiles[t0 + 36] = s2_4; tiles[t0 + 37] = s2_5; tiles[t0 + 38] = s2_6; tiles[t0 + 39] = s2_7;
        tiles[t0 + 40] = s2_8; tiles[t0 + 41] = s2_9; tiles[t0 + 42] = s2_10; tiles[t0 + 43] = s2_11;
        tiles[t0 + 44] = s2_12; tiles[t0 + 45] = s2_13; tiles[t0 + 46] = s2_14; tiles[t0 + 47] = s2_15;
        tiles[t0 + 48] = s3_0; tiles[t0 + 49] = s3_1; tiles[t0 + 50] = s3_2; tiles[t0 + 51] = s3_3;
        tiles[t0 + 52] = s3_4; tiles[t0 + 53] = s3_5; tiles[t0 + 54] = s3_6; tiles[t0 + 55] = s3_7;
        tiles[t0 + 56] = s3_8; tiles[t0 + 57] = s3_9; tiles[t0 + 58] = s3_10; tiles[t0 + 59] = s3_11;
        tiles[t0 + 60] = s3_12; tiles[t0 + 61] = s3_13; tiles[t0 + 62] = s3_14; tiles[t0 + 63] = s3_15;
        tiles[t0 + 64] = s4_0; tiles[t0 + 65] = s4_1; tiles[t0 + 66] = s4_2; tiles[t0 + 67] = s4_3;
        tiles[t0 + 68] = s4_4; tiles[t0 + 69] = s4_5; tiles[t0 + 70] = s4_6; tiles[t0 + 71] = s4_7;
        tiles[t0 + 72] = s4_8; tiles[t0 + 73] = s4_9; tiles[t0 + 74] = s4_10; tiles[t0 + 75] = s4_11;
        tiles[t0 + 76] = s4_12; tiles[t0 + 77] = s4_13; tiles[t0 + 78] = s4_14; tiles[t0 + 79] = s4_15;
        tiles[t0 + 80] = s5_0; tiles[t0 + 81] = s5_1; tiles[t0 + 82] = s5_2; tiles[t0 + 83] = s5_3;
        tiles[t0 + 84] = s5_4; tiles[t0 + 85] = s5_5; tiles[t0 + 86] = s5_6; tiles[t0 + 87] = s5_7;
        tiles[t0 + 88] = s5_8; tiles[t0 + 89] = s5_9; tiles[t0 + 90] = s5_10; tiles[t0 + 91] = s5_11;
        tiles[t0 + 92] = s5_12; tiles[t0 + 93] = s5_13; tiles[t0 + 94] = s5_14; tiles[t0 + 95] = s5_15;
        tiles[t0 + 96] = s6_0; tiles[t0 + 97] = s6_1; tiles[t0 + 98] = s6_2; tiles[t0 + 99] = s6_3;
        tiles[t0 + 100] = s6_4; tiles[t0 + 101] = s6_5; tiles[t0 + 102] = s6_6; tiles[t0 + 103] = s6_7;
        tiles[t0 + 104] = s6_8; tiles[t0 + 105] = s6_9; tiles[t0 + 106] = s6_10; tiles[t0 + 107] = s6_11;
        tiles[t0 + 108] = s6_12; tiles[t0 + 109] = s6_13; tiles[t0 + 110] = s6_14; tiles[t0 + 111] = s6_15;
        tiles[t0 + 112] = s7_0; tiles[t0 + 113] = s7_1; tiles[t0 + 114] = s7_2; tiles[t0 + 115] = s7_3;
        tiles[t0 + 116] = s7_4; tiles[t0 + 117] = s7_5; tiles[t0 + 118] = s7_6; tiles[t0 + 119] = s7_7;
        tiles[t0 + 120] = s7_8; tiles[t0 + 121] = s7_9; tiles[t0 + 122] = s7_10; tiles[t0 + 123] = s7_11;
        tiles[t0 + 124] = s7_12; tiles[t0 + 125] = s7_13; tiles[t0 + 126] = s7_14; tiles[t0 + 127] = s7_15;
        int yBase = image * outChannels * outHeight * outWidth;
        for (int r = 0; r < ocCount; r++) {
            int oc = oc0 + r;
            storeRun(t0 + r * 16, yBase + oc * outHeight * outWidth, q0, hasBias == 1 ? bias[oc] : 0f);
        }
    }
}
