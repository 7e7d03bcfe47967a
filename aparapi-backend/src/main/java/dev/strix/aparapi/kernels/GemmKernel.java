package dev.strix.aparapi.kernels;

/**
 * {@link MatrixKernel} with 4 × 4 tiles: the best on the Java thread pool, where HotSpot keeps 16 accumulators in
 * registers but spills 32.
 */
public final class GemmKernel extends MatrixKernel {
    @Override
    public int tileRows() {
        return 4;
    }

    @Override
    public int tileCols() {
        return 4;
    }

    @Override
    protected void compute(int id) {
        int colBlocks = (cols + 3) / 4;
        int rowBlocks = (rows + 3) / 4;
        int cb = id % colBlocks;
        int rest = id / colBlocks;
        int rb = rest % rowBlocks;
        int batch = rest / rowBlocks;
        int r0 = rb * 4;
        int c0 = cb * 4;
        int r1 = min(r0 + 1, rows - 1);
        int r2 = min(r0 + 2, rows - 1);
        int r3 = min(r0 + 3, rows - 1);
        int c1 = min(c0 + 1, cols - 1);
        int c2 = min(c0 + 2, cols - 1);
        int c3 = min(c0 + 3, cols - 1);
        int ao = aOffsets[batch];
        int bo = bOffsets[batch];
        int a0 = ao + r0 * lda;
        int a1 = ao + r1 * lda;
        int a2 = ao + r2 * lda;
        int a3 = ao + r3 * lda;
        // Step between consecutive k and between consecutive columns of op(B).
        int kStep = transB == 1 ? 1 : ldb;
        int cStep = transB == 1 ? ldb : 1;
        int b0 = bo + c0 * cStep;
        int b1 = bo + c1 * cStep;
        int b2 = bo + c2 * cStep;
        int b3 = bo + c3 * cStep;
        // The bias starts the sums, as in WideGemmKernel; the stores apply only the activation.
        float br0 = biasMode == BIAS_ROW ? bias[r0] : 0f;
        float br1 = biasMode == BIAS_ROW ? bias[r1] : 0f;
        float br2 = biasMode == BIAS_ROW ? bias[r2] : 0f;
        float br3 = biasMode == BIAS_ROW ? bias[r3] : 0f;
        float bc0 = biasMode == BIAS_COLUMN ? bias[c0] : 0f;
        float bc1 = biasMode == BIAS_COLUMN ? bias[c1] : 0f;
        float bc2 = biasMode == BIAS_COLUMN ? bias[c2] : 0f;
        float bc3 = biasMode == BIAS_COLUMN ? bias[c3] : 0f;
        float s00 = br0 + bc0, s01 = br0 + bc1, s02 = br0 + bc2, s03 = br0 + bc3;
        float s10 = br1 + bc0, s11 = br1 + bc1, s12 = br1 + bc2, s13 = br1 + bc3;
        float s20 = br2 + bc0, s21 = br2 + bc1, s22 = br2 + bc2, s23 = br2 + bc3;
        float s30 = br3 + bc0, s31 = br3 + bc1, s32 = br3 + bc2, s33 = br3 + bc3;
        for (int k = 0; k < depth; k++) {
            float x0 = a[a0 + k];
            float x1 = a[a1 + k];
            float x2 = a[a2 + k];
            float x3 = a[a3 + k];
            int kb = k * kStep;
            float w0 = b[b0 + kb];
            float w1 = b[b1 + kb];
            float w2 = b[b2 + kb];
            float w3 = b[b3 + kb];
            s00 += x0 * w0; s01 += x0 * w1; s02 += x0 * w2; s03 += x0 * w3;
            s10 += x1 * w0; s11 += x1 * w1; s12 += x1 * w2; s13 += x1 * w3;
            s20 += x2 * w0; s21 += x2 * w1; s22 += x2 * w2; s23 += x2 * w3;
            s30 += x3 * w0; s31 += x3 * w1; s32 += x3 * w2; s33 += x3 * w3;
        }
        int base = batch * rows * cols;
        int rCount = min(4, rows - r0);
        storeFrom(base, r0, c0, c0, s00, s01, s02, s03);
        if (rCount > 1) {
            storeFrom(base, r0 + 1, c0, c0, s10, s11, s12, s13);
        }
        if (rCount > 2) {
            storeFrom(base, r0 + 2, c0, c0, s20, s21, s22, s23);
        }
        if (rCount > 3) {
            storeFrom(base, r0 + 3, c0, c0, s30, s31, s32, s33);
        }
    }
}
