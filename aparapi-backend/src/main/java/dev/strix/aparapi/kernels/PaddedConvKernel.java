package dev.strix.aparapi.kernels;

/**
 * Stride-1 convolution for OpenCL over a padded copy of its input, 8 output channels × 16 flattened positions per
 * work item ({@link PaddedConvolution}): 128 multiply-adds per input channel and tap, which PoCL's LLVM runs as
 * vector FMAs where {@link WideConvKernel}'s clamped, masked reads of 4 pixels stay scalar. Weight layout is
 * PyTorch's [out, in/groups, kh, kw].
 */
public final class PaddedConvKernel extends PaddedConvolution {
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
        int wStride = icg * taps;
        int w0 = oc0 * wStride;
        int w1 = (oc0 + min(1, ocCount - 1)) * wStride;
        int w2 = (oc0 + min(2, ocCount - 1)) * wStride;
        int w3 = (oc0 + min(3, ocCount - 1)) * wStride;
        int w4 = (oc0 + min(4, ocCount - 1)) * wStride;
        int w5 = (oc0 + min(5, ocCount - 1)) * wStride;
        int w6 = (oc0 + min(6, ocCount - 1)) * wStride;
        int w7 = (oc0 + min(7, ocCount - 1)) * wStride;
        int q0 = qb * 16;
        int plane = paddedHeight * paddedWidth;
        int xBase = (image * channels + g * icg) * plane + q0;
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
        // One loop over (input channel, tap) pairs, the tap's offset from a table: a single loop level is what
        // LLVM's SLP vectoriser turned into vector FMAs (three nested loops kept the 128 sums scalar).
        int pairs = icg * taps;
        int ic = 0;
        int tap = 0;
        for (int t = 0; t < pairs; t++) {
            int o = xBase + ic * plane + tapOffsets[tap];
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
            float b0 = w[w0 + t];
            float b1 = w[w1 + t];
            float b2 = w[w2 + t];
            float b3 = w[w3 + t];
            float b4 = w[w4 + t];
            float b5 = w[w5 + t];
            float b6 = w[w6 + t];
            float b7 = w[w7 + t];
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
            tap++;
            if (tap == taps) {
                tap = 0;
                ic++;
            }
        }
        int yBase = image * outChannels * outHeight * outWidth;
        storeFlat(yBase, oc0, q0, s0_0, s0_1, s0_2, s0_3);
        storeFlat(yBase, oc0, q0 + 4, s0_4, s0_5, s0_6, s0_7);
        storeFlat(yBase, oc0, q0 + 8, s0_8, s0_9, s0_10, s0_11);
        storeFlat(yBase, oc0, q0 + 12, s0_12, s0_13, s0_14, s0_15);
        if (ocCount > 1) {
            storeFlat(yBase, oc0 + 1, q0, s1_0, s1_1, s1_2, s1_3);
            storeFlat(yBase, oc0 + 1, q0 + 4, s1_4, s1_5, s1_6, s1_7);
            storeFlat(yBase, oc0 + 1, q0 + 8, s1_8, s1_9, s1_10, s1_11);
            storeFlat(yBase, oc0 + 1, q0 + 12, s1_12, s1_13, s1_14, s1_15);
        }
        if (ocCount > 2) {
            storeFlat(yBase, oc0 + 2, q0, s2_0, s2_1, s2_2, s2_3);
            storeFlat(yBase, oc0 + 2, q0 + 4, s2_4, s2_5, s2_6, s2_7);
            storeFlat(yBase, oc0 + 2, q0 + 8, s2_8, s2_9, s2_10, s2_11);
            storeFlat(yBase, oc0 + 2, q0 + 12, s2_12, s2_13, s2_14, s2_15);
        }
        if (ocCount > 3) {
            storeFlat(yBase, oc0 + 3, q0, s3_0, s3_1, s3_2, s3_3);
            storeFlat(yBase, oc0 + 3, q0 + 4, s3_4, s3_5, s3_6, s3_7);
            storeFlat(yBase, oc0 + 3, q0 + 8, s3_8, s3_9, s3_10, s3_11);
            storeFlat(yBase, oc0 + 3, q0 + 12, s3_12, s3_13, s3_14, s3_15);
        }
        if (ocCount > 4) {
            storeFlat(yBase, oc0 + 4, q0, s4_0, s4_1, s4_2, s4_3);
            storeFlat(yBase, oc0 + 4, q0 + 4, s4_4, s4_5, s4_6, s4_7);
            storeFlat(yBase, oc0 + 4, q0 + 8, s4_8, s4_9, s4_10, s4_11);
            storeFlat(yBase, oc0 + 4, q0 + 12, s4_12, s4_13, s4_14, s4_15);
        }
        if (ocCount > 5) {
            storeFlat(yBase, oc0 + 5, q0, s5_0, s5_1, s5_2, s5_3);
            storeFlat(yBase, oc0 + 5, q0 + 4, s5_4, s5_5, s5_6, s5_7);
            storeFlat(yBase, oc0 + 5, q0 + 8, s5_8, s5_9, s5_10, s5_11);
            storeFlat(yBase, oc0 + 5, q0 + 12, s5_12, s5_13, s5_14, s5_15);
        }
        if (ocCount > 6) {
            storeFlat(yBase, oc0 + 6, q0, s6_0, s6_1, s6_2, s6_3);
            storeFlat(yBase, oc0 + 6, q0 + 4, s6_4, s6_5, s6_6, s6_7);
            storeFlat(yBase, oc0 + 6, q0 + 8, s6_8, s6_9, s6_10, s6_11);
            storeFlat(yBase, oc0 + 6, q0 + 12, s6_12, s6_13, s6_14, s6_15);
        }
        if (ocCount > 7) {
            storeFlat(yBase, oc0 + 7, q0, s7_0, s7_1, s7_2, s7_3);
            storeFlat(yBase, oc0 + 7, q0 + 4, s7_4, s7_5, s7_6, s7_7);
            storeFlat(yBase, oc0 + 7, q0 + 8, s7_8, s7_9, s7_10, s7_11);
            storeFlat(yBase, oc0 + 7, q0 + 12, s7_12, s7_13, s7_14, s7_15);
        }
    }
}
