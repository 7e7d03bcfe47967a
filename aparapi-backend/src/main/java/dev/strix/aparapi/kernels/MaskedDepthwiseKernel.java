package dev.strix.aparapi.kernels;

/**
 * Depthwise convolution at stride 1 read straight from the unpadded input, 16 consecutive output positions of one
 * plane per work item, for outputs as wide as the input: position q = oy·W + ox reads tap (ky, kx) at q + dy·W + dx
 * (dy = ky·d_h − p_top, dx = kx·d_w − p_left), so the 16 inputs of a tap lie at consecutive addresses and LLVM
 * (PoCL) loads them as one vector; where the tap falls into the padding (its row or column outside the plane) a
 * select puts zero instead. Reads that leave the plane land in the planes beside it, which is valid memory; only a
 * block whose reads would leave the array (edge rows of the first and last planes) takes a per-position path with
 * bounds tests.
 *
 * <p>{@link PaddedDepthwiseKernel} reads a zero-padded copy instead, which costs a launch and a pass over memory per
 * layer and computes 2 discarded columns per row. Activation: none, ReLU or ReLU6 only. Weight [C, 1, kh, kw].
 */
public final class MaskedDepthwiseKernel extends ConvolutionKernel {
    /** Per output position of a plane: its row. */
    public int[] rowOf;
    /** Per output position of a plane: its column. */
    public int[] colOf;
    /** Floats of x: the bound of the fast path's reads. */
    public int inputLength;
    /** Smallest and largest offset of a tap from its position (dy·W + dx over the window). */
    public int lowReach;
    public int highReach;

    @Override
    protected void compute(int id) {
        int positions = outHeight * width;
        int blocks = (positions + 15) / 16;
        int qb = id % blocks;
        int plane = id / blocks;
        int c = plane % outChannels;
        // A ragged last block computes the 16 positions that end the plane; those it shares with the block before
        // are written twice with the same value.
        int q0 = min(qb * 16, positions - 16);
        int xo = plane * height * width + q0;
        int wo = c * kernelH * kernelW;
        float b = hasBias == 1 ? bias[c] : 0f;
        if (xo + lowReach < 0 || xo + 15 + highReach >= inputLength) {
            for (int j = 0; j < 16; j++) {
                int oy = rowOf[q0 + j];
                int ox = colOf[q0 + j];
                float s = b;
                for (int ky = 0; ky < kernelH; ky++) {
                    int iy = oy + ky * dilationH - padTop;
                    for (int kx = 0; kx < kernelW; kx++) {
                        int ix = ox + kx * dilationW - padLeft;
                        if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                            s += w[wo + ky * kernelW + kx] * x[plane * height * width + iy * width + ix];
                        }
                    }
                }
                y[plane * positions + q0 + j] = activate(act, alpha, s);
            }
            return;
        }
        int r0 = rowOf[q0 + 0]; int r1 = rowOf[q0 + 1]; int r2 = rowOf[q0 + 2]; int r3 = rowOf[q0 + 3];
        int r4 = rowOf[q0 + 4]; int r5 = rowOf[q0 + 5]; int r6 = rowOf[q0 + 6]; int r7 = rowOf[q0 + 7];
        int r8 = rowOf[q0 + 8]; int r9 = rowOf[q0 + 9]; int r10 = rowOf[q0 + 10]; int r11 = rowOf[q0 + 11];
        int r12 = rowOf[q0 + 12]; int r13 = rowOf[q0 + 13]; int r14 = rowOf[q0 + 14]; int r15 = rowOf[q0 + 15];
        int c0 = colOf[q0 + 0]; int c1 = colOf[q0 + 1]; int c2 = colOf[q0 + 2]; int c3 = colOf[q0 + 3];
        int c4 = colOf[q0 + 4]; int c5 = colOf[q0 + 5]; int c6 = colOf[q0 + 6]; int c7 = colOf[q0 + 7];
        int c8 = colOf[q0 + 8]; int c9 = colOf[q0 + 9]; int c10 = colOf[q0 + 10]; int c11 = colOf[q0 + 11];
        int c12 = colOf[q0 + 12]; int c13 = colOf[q0 + 13]; int c14 = colOf[q0 + 14]; int c15 = colOf[q0 + 15];
        float s0 = b; float s1 = b; float s2 = b; float s3 = b; float s4 = b; float s5 = b; float s6 = b; float s7 = b;
        float s8 = b; float s9 = b; float s10 = b; float s11 = b; float s12 = b; float s13 = b; float s14 = b; float s15 = b;
        int lastRow = height - 1;
        int lastColumn = width - 1;
        for (int ky = 0; ky < kernelH; ky++) {
            int dy = ky * dilationH - padTop;
            // Per position, at least 0 where the tap row lies inside the plane. The padding test is one comparison
            // of a minimum per tap: with && per condition the compiler branched per position and vectorised nothing.
            int v0 = min(r0 + dy, lastRow - r0 - dy); int v1 = min(r1 + dy, lastRow - r1 - dy);
            int v2 = min(r2 + dy, lastRow - r2 - dy); int v3 = min(r3 + dy, lastRow - r3 - dy);
            int v4 = min(r4 + dy, lastRow - r4 - dy); int v5 = min(r5 + dy, lastRow - r5 - dy);
            int v6 = min(r6 + dy, lastRow - r6 - dy); int v7 = min(r7 + dy, lastRow - r7 - dy);
            int v8 = min(r8 + dy, lastRow - r8 - dy); int v9 = min(r9 + dy, lastRow - r9 - dy);
            int v10 = min(r10 + dy, lastRow - r10 - dy); int v11 = min(r11 + dy, lastRow - r11 - dy);
            int v12 = min(r12 + dy, lastRow - r12 - dy); int v13 = min(r13 + dy, lastRow - r13 - dy);
            int v14 = min(r14 + dy, lastRow - r14 - dy); int v15 = min(r15 + dy, lastRow - r15 - dy);
            int xr = xo + dy * width - padLeft;
            int wr = wo + ky * kernelW;
            for (int kx = 0; kx < kernelW; kx++) {
                int dx = kx * dilationW - padLeft;
                int o = xr + kx * dilationW;
                float t = w[wr + kx];
                float x0 = x[o + 0]; float x1 = x[o + 1]; float x2 = x[o + 2]; float x3 = x[o + 3];
                float x4 = x[o + 4]; float x5 = x[o + 5]; float x6 = x[o + 6]; float x7 = x[o + 7];
                float x8 = x[o + 8]; float x9 = x[o + 9]; float x10 = x[o + 10]; float x11 = x[o + 11];
                float x12 = x[o + 12]; float x13 = x[o + 13]; float x14 = x[o + 14]; float x15 = x[o + 15];
                s0 += min(v0, min(c0 + dx, lastColumn - c0 - dx)) >= 0 ? t * x0 : 0f;
                s1 += min(v1, min(c1 + dx, lastColumn - c1 - dx)) >= 0 ? t * x1 : 0f;
                s2 += min(v2, min(c2 + dx, lastColumn - c2 - dx)) >= 0 ? t * x2 : 0f;
                s3 += min(v3, min(c3 + dx, lastColumn - c3 - dx)) >= 0 ? t * x3 : 0f;
                s4 += min(v4, min(c4 + dx, lastColumn - c4 - dx)) >= 0 ? t * x4 : 0f;
                s5 += min(v5, min(c5 + dx, lastColumn - c5 - dx)) >= 0 ? t * x5 : 0f;
                s6 += min(v6, min(c6 + dx, lastColumn - c6 - dx)) >= 0 ? t * x6 : 0f;
                s7 += min(v7, min(c7 + dx, lastColumn - c7 - dx)) >= 0 ? t * x7 : 0f;
                s8 += min(v8, min(c8 + dx, lastColumn - c8 - dx)) >= 0 ? t * x8 : 0f;
                s9 += min(v9, min(c9 + dx, lastColumn - c9 - dx)) >= 0 ? t * x9 : 0f;
                s10 += min(v10, min(c10 + dx, lastColumn - c10 - dx)) >= 0 ? t * x10 : 0f;
                s11 += min(v11, min(c11 + dx, lastColumn - c11 - dx)) >= 0 ? t * x11 : 0f;
                s12 += min(v12, min(c12 + dx, lastColumn - c12 - dx)) >= 0 ? t * x12 : 0f;
                s13 += min(v13, min(c13 + dx, lastColumn - c13 - dx)) >= 0 ? t * x13 : 0f;
                s14 += min(v14, min(c14 + dx, lastColumn - c14 - dx)) >= 0 ? t * x14 : 0f;
                s15 += min(v15, min(c15 + dx, lastColumn - c15 - dx)) >= 0 ? t * x15 : 0f;
            }
        }
        // ReLU and ReLU6 as selected clamps (no other activation comes here: a ragged last block writes outputs it
        // shares with the block before, and only final values may be written twice), then 16 unconditional stores.
        int clamp = act == RELU || act == RELU6 ? 1 : 0;
        float hi = act == RELU6 ? 6f : HIGHEST;
        s0 = clamp == 1 ? min(max(s0, 0f), hi) : s0; s1 = clamp == 1 ? min(max(s1, 0f), hi) : s1;
        s2 = clamp == 1 ? min(max(s2, 0f), hi) : s2; s3 = clamp == 1 ? min(max(s3, 0f), hi) : s3;
        s4 = clamp == 1 ? min(max(s4, 0f), hi) : s4; s5 = clamp == 1 ? min(max(s5, 0f), hi) : s5;
        s6 = clamp == 1 ? min(max(s6, 0f), hi) : s6; s7 = clamp == 1 ? min(max(s7, 0f), hi) : s7;
        s8 = clamp == 1 ? min(max(s8, 0f), hi) : s8; s9 = clamp == 1 ? min(max(s9, 0f), hi) : s9;
        s10 = clamp == 1 ? min(max(s10, 0f), hi) : s10; s11 = clamp == 1 ? min(max(s11, 0f), hi) : s11;
        s12 = clamp == 1 ? min(max(s12, 0f), hi) : s12; s13 = clamp == 1 ? min(max(s13, 0f), hi) : s13;
        s14 = clamp == 1 ? min(max(s14, 0f), hi) : s14; s15 = clamp == 1 ? min(max(s15, 0f), hi) : s15;
        int yo = plane * positions + q0;
        y[yo + 0] = s0; y[yo + 1] = s1; y[yo + 2] = s2; y[yo + 3] = s3;
        y[yo + 4] = s4; y[yo + 5] = s5; y[yo + 6] = s6; y[yo + 7] = s7;
        y[yo + 8] = s8; y[yo + 9] = s9; y[yo + 10] = s10; y[yo + 11] = s11;
        y[yo + 12] = s12; y[yo + 13] = s13; y[yo + 14] = s14; y[yo + 15] = s15;
    }
}
