package dev.strix.aparapi.kernels;

/**
 * {@link MatrixKernel} with 8 × 8 tiles: each loaded value feeds 8 multiply-adds. On PoCL 8 × 4 tiles were 1.4–1.7×
 * faster than 4 × 4 and 8 × 8 another 1.5× (the generated code runs per work item, so reuse inside the item is what
 * counts); on the Java thread pool wide tiles are slower (HotSpot spills the accumulators).
 */
public final class WideGemmKernel extends MatrixKernel {
    @Override
    public int tileRows() {
        return 8;
    }

    @Override
    public int tileCols() {
        return 8;
    }

    @Override
    protected void compute(int id) {
        int colBlocks = (cols + 7) / 8;
        int rowBlocks = (rows + 7) / 8;
        int cb = id % colBlocks;
        int rest = id / colBlocks;
        int rb = rest % rowBlocks;
        int batch = rest / rowBlocks;
        int r0 = rb * 8;
        int c0 = cb * 8;
        int r1 = min(r0 + 1, rows - 1);
        int r2 = min(r0 + 2, rows - 1);
        int r3 = min(r0 + 3, rows - 1);
        int r4 = min(r0 + 4, rows - 1);
        int r5 = min(r0 + 5, rows - 1);
        int r6 = min(r0 + 6, rows - 1);
        int r7 = min(r0 + 7, rows - 1);
        int c1 = min(c0 + 1, cols - 1);
        int c2 = min(c0 + 2, cols - 1);
        int c3 = min(c0 + 3, cols - 1);
        int c4 = min(c0 + 4, cols - 1);
        int c5 = min(c0 + 5, cols - 1);
        int c6 = min(c0 + 6, cols - 1);
        int c7 = min(c0 + 7, cols - 1);
        int ao = aOffsets[batch];
        int bo = bOffsets[batch];
        int a0 = ao + r0 * lda;
        int a1 = ao + r1 * lda;
        int a2 = ao + r2 * lda;
        int a3 = ao + r3 * lda;
        int a4 = ao + r4 * lda;
        int a5 = ao + r5 * lda;
        int a6 = ao + r6 * lda;
        int a7 = ao + r7 * lda;
        // Step between consecutive k and between consecutive columns of op(B).
        int kStep = transB == 1 ? 1 : ldb;
        int cStep = transB == 1 ? ldb : 1;
        int b0 = bo + c0 * cStep;
        int b1 = bo + c1 * cStep;
        int b2 = bo + c2 * cStep;
        int b3 = bo + c3 * cStep;
        int b4 = bo + c4 * cStep;
        int b5 = bo + c5 * cStep;
        int b6 = bo + c6 * cStep;
        int b7 = bo + c7 * cStep;
        float s00 = 0f, s01 = 0f, s02 = 0f, s03 = 0f;
        float s04 = 0f, s05 = 0f, s06 = 0f, s07 = 0f;
        float s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f;
        float s14 = 0f, s15 = 0f, s16 = 0f, s17 = 0f;
        float s20 = 0f, s21 = 0f, s22 = 0f, s23 = 0f;
        float s24 = 0f, s25 = 0f, s26 = 0f, s27 = 0f;
        float s30 = 0f, s31 = 0f, s32 = 0f, s33 = 0f;
        float s34 = 0f, s35 = 0f, s36 = 0f, s37 = 0f;
        float s40 = 0f, s41 = 0f, s42 = 0f, s43 = 0f;
        float s44 = 0f, s45 = 0f, s46 = 0f, s47 = 0f;
        float s50 = 0f, s51 = 0f, s52 = 0f, s53 = 0f;
        float s54 = 0f, s55 = 0f, s56 = 0f, s57 = 0f;
        float s60 = 0f, s61 = 0f, s62 = 0f, s63 = 0f;
        float s64 = 0f, s65 = 0f, s66 = 0f, s67 = 0f;
        float s70 = 0f, s71 = 0f, s72 = 0f, s73 = 0f;
        float s74 = 0f, s75 = 0f, s76 = 0f, s77 = 0f;
        for (int k = 0; k < depth; k++) {
            float x0 = a[a0 + k];
            float x1 = a[a1 + k];
            float x2 = a[a2 + k];
            float x3 = a[a3 + k];
            float x4 = a[a4 + k];
            float x5 = a[a5 + k];
            float x6 = a[a6 + k];
            float x7 = a[a7 + k];
            int kb = k * kStep;
            float w0 = b[b0 + kb];
            float w1 = b[b1 + kb];
            float w2 = b[b2 + kb];
            float w3 = b[b3 + kb];
            float w4 = b[b4 + kb];
            float w5 = b[b5 + kb];
            float w6 = b[b6 + kb];
            float w7 = b[b7 + kb];
            s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
            s04 += x0 * w4; s05 += x0 * w5; s06 += x0 * w6; s07 += x0 * w7;
            s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
            s14 += x1 * w4; s15 += x1 * w5; s16 += x1 * w6; s17 += x1 * w7;
            s20 += x2 * w0; s21 += x2 * w1; s22 += x2 * w2; s23 += x2 * w3;
            s24 += x2 * w4; s25 += x2 * w5; s26 += x2 * w6; s27 += x2 * w7;
            s30 += x3 * w0; s31 += x3 * w1; s32 += x3 * w2; s33 += x3 * w3;
            s34 += x3 * w4; s35 += x3 * w5; s36 += x3 * w6; s37 += x3 * w7;
            s40 += x4 * w0; s41 += x4 * w1; s42 += x4 * w2; s43 += x4 * w3;
            s44 += x4 * w4; s45 += x4 * w5; s46 += x4 * w6; s47 += x4 * w7;
            s50 += x5 * w0; s51 += x5 * w1; s52 += x5 * w2; s53 += x5 * w3;
            s54 += x5 * w4; s55 += x5 * w5; s56 += x5 * w6; s57 += x5 * w7;
            s60 += x6 * w0; s61 += x6 * w1; s62 += x6 * w2; s63 += x6 * w3;
            s64 += x6 * w4; s65 += x6 * w5; s66 += x6 * w6; s67 += x6 * w7;
            s70 += x7 * w0; s71 += x7 * w1; s72 += x7 * w2; s73 += x7 * w3;
            s74 += x7 * w4; s75 += x7 * w5; s76 += x7 * w6; s77 += x7 * w7;
        }
        int base = batch * rows * cols;
        int rCount = min(8, rows - r0);
        int cCount = min(8, cols - c0);
        store(base, r0, c0, min(cCount, 4), s00, s01, s02, s03);
        if (cCount > 4) {
            store(base, r0, c0 + 4, cCount - 4, s04, s05, s06, s07);
        }
        if (rCount > 1) {
            store(base, r0 + 1, c0, min(cCount, 4), s10, s11, s12, s13);
            if (cCount > 4) {
                store(base, r0 + 1, c0 + 4, cCount - 4, s14, s15, s16, s17);
            }
        }
        if (rCount > 2) {
            store(base, r0 + 2, c0, min(cCount, 4), s20, s21, s22, s23);
            if (cCount > 4) {
                store(base, r0 + 2, c0 + 4, cCount - 4, s24, s25, s26, s27);
            }
        }
        if (rCount > 3) {
            store(base, r0 + 3, c0, min(cCount, 4), s30, s31, s32, s33);
            if (cCount > 4) {
                store(base, r0 + 3, c0 + 4, cCount - 4, s34, s35, s36, s37);
            }
        }
        if (rCount > 4) {
            store(base, r0 + 4, c0, min(cCount, 4), s40, s41, s42, s43);
            if (cCount > 4) {
                store(base, r0 + 4, c0 + 4, cCount - 4, s44, s45, s46, s47);
            }
        }
        if (rCount > 5) {
            store(base, r0 + 5, c0, min(cCount, 4), s50, s51, s52, s53);
            if (cCount > 4) {
                store(base, r0 + 5, c0 + 4, cCount - 4, s54, s55, s56, s57);
            }
        }
        if (rCount > 6) {
            store(base, r0 + 6, c0, min(cCount, 4), s60, s61, s62, s63);
            if (cCount > 4) {
                store(base, r0 + 6, c0 + 4, cCount - 4, s64, s65, s66, s67);
            }
        }
        if (rCount > 7) {
            store(base, r0 + 7, c0, min(cCount, 4), s70, s71, s72, s73);
            if (cCount > 4) {
                store(base, r0 + 7, c0 + 4, cCount - 4, s74, s75, s76, s77);
            }
        }
    }
}
