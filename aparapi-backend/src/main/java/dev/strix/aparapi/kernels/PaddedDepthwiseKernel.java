package dev.strix.aparapi.kernels;

/**
 * Depthwise convolution (one input channel per output channel) over a padded (strided: phase-split) copy, 16
 * flattened positions of one channel per work item ({@link PaddedConvolution}): per tap one weight and 16
 * consecutive inputs, which PoCL's LLVM runs as vector FMAs where {@link ConvDirectKernel}'s clamped, masked reads
 * stay scalar. Weight [C, 1, kh, kw].
 */
public final class PaddedDepthwiseKernel extends PaddedConvolution {
    @Override
    protected void compute(int id) {
        int qBlocks = (outHeight * paddedWidth + 15) / 16;
        int qb = id % qBlocks;
        int plane = id / qBlocks;
        int c = plane % outChannels;
        int image = plane / outChannels;
        int q0 = qb * 16;
        int xo = plane * channelStride + q0;
        int taps = kernelH * kernelW;
        int wo = c * taps;
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
        float s8 = 0f, s9 = 0f, s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f, s14 = 0f, s15 = 0f;
        for (int t = 0; t < taps; t++) {
            int o = xo + tapOffsets[t];
            float b = w[wo + t];
            s0 += b * x[o]; s1 += b * x[o + 1]; s2 += b * x[o + 2]; s3 += b * x[o + 3];
            s4 += b * x[o + 4]; s5 += b * x[o + 5]; s6 += b * x[o + 6]; s7 += b * x[o + 7];
            s8 += b * x[o + 8]; s9 += b * x[o + 9]; s10 += b * x[o + 10]; s11 += b * x[o + 11];
            s12 += b * x[o + 12]; s13 += b * x[o + 13]; s14 += b * x[o + 14]; s15 += b * x[o + 15];
        }
        int yBase = image * outChannels * outHeight * outWidth;
        storeFlat(yBase, c, q0, s0, s1, s2, s3);
        storeFlat(yBase, c, q0 + 4, s4, s5, s6, s7);
        storeFlat(yBase, c, q0 + 8, s8, s9, s10, s11);
        storeFlat(yBase, c, q0 + 12, s12, s13, s14, s15);
    }
}
