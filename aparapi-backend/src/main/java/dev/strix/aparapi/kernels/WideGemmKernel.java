package dev.strix.aparapi.kernels;

/**
 * {@link MatrixKernel} with 8 × 16 tiles, for OpenCL: each loaded value feeds 8 or 16 multiply-adds. On PoCL the
 * generated C runs per work item and SIMD comes only from LLVM's SLP vectoriser, so the kernel is written for it:
 * <ul>
 *   <li>Where A is packed in 8-row panels and op(B) is row-major (or packed) with 16 whole columns, the 8 values of A
 *       and the 16 of B at one k lie at consecutive addresses and load as vectors; each row's 16 multiply-adds are
 *       vector FMAs. Row-major A had its 8 rows gathered: packing took a 64 × 256 × 3,136 product from 46 to 103
 *       GFLOP/s. Other blocks read row by row and column by column, clamped.</li>
 *   <li>A whole tile stores its 128 sums unconditionally (the vectoriser works back from consecutive stores; behind
 *       per-element tests each k had taken 18 shuffles beside its 16 FMAs, now 8) and then applies the activation in
 *       place, ReLU and ReLU6 as vectorised clamps. The sums start from the bias.</li>
 *   <li>8 × 16 tiles: 8 × 4 was 1.4–1.7× faster than 4 × 4 and 8 × 8 another 1.5× (reuse inside the work item is
 *       what counts); on the Java thread pool wide tiles are slower (HotSpot spills the accumulators).</li>
 * </ul>
 */
public final class WideGemmKernel extends MatrixKernel {
    /**
     * 1: neighbouring work items take neighbouring column blocks of one row block (streaming writes to the same 8
     * rows of C; for short k loops, where the output costs more than the products). 0: neighbouring row blocks of
     * one column block, sharing its strip of B.
     */
    public int columnsFirst;
    @Override
    public int tileRows() {
        return 8;
    }

    @Override
    public int tileCols() {
        return 16;
    }

    @Override
    protected void compute(int id) {
        int colBlocks = (cols + 15) / 16;
        int rowBlocks = (rows + 7) / 8;
        // Row blocks first (columnsFirst 0): neighbouring work items share one 16-column strip of B (K × 64 bytes,
        // which stays in cache) and re-read A, the smaller operand in ViT's linears (197 rows); column blocks first
        // streamed all of a 3,072-column weight from memory once per row block. Short products (a 16-deep 1×1
        // convolution over 112 × 112 pixels) are the other way round: their time goes to writing C.
        int tile = id % (rowBlocks * colBlocks);
        int batch = id / (rowBlocks * colBlocks);
        int rb = columnsFirst == 1 ? tile / colBlocks : tile % rowBlocks;
        int cb = columnsFirst == 1 ? tile % colBlocks : tile / rowBlocks;
        int r0 = rb * 8;
        int c0 = cb * 16;
        // A ragged last block of a row-major B (at least 16 columns) reads the 16 columns that end at the last one,
        // so it takes the vector loop too; the columns it shares with the block before are computed again and not
        // stored (a 7 × 7 plane's 49 columns: the fourth block had run the clamped loop for one column).
        int ragged = packedB == 0 && transB == 0 && c0 + 16 > cols && cols >= 16 ? 1 : 0;
        int cl = ragged == 1 ? cols - 16 : c0;
        int ao = aOffsets[batch];
        int bo = bOffsets[batch];
        // A's 8 rows at k are a_r + k·aStep: in a packed panel (pa) consecutive, row-major clamped rows.
        int pa = ao + rb * depth * panelRows;
        int aStep = packedA == 1 ? panelRows : 1;
        int a0 = packedA == 1 ? pa : ao + r0 * lda;
        int a1 = packedA == 1 ? pa + 1 : ao + min(r0 + 1, rows - 1) * lda;
        int a2 = packedA == 1 ? pa + 2 : ao + min(r0 + 2, rows - 1) * lda;
        int a3 = packedA == 1 ? pa + 3 : ao + min(r0 + 3, rows - 1) * lda;
        int a4 = packedA == 1 ? pa + 4 : ao + min(r0 + 4, rows - 1) * lda;
        int a5 = packedA == 1 ? pa + 5 : ao + min(r0 + 5, rows - 1) * lda;
        int a6 = packedA == 1 ? pa + 6 : ao + min(r0 + 6, rows - 1) * lda;
        int a7 = packedA == 1 ? pa + 7 : ao + min(r0 + 7, rows - 1) * lda;
        // Step between consecutive k and between consecutive columns of op(B).
        int kStep = transB == 1 ? 1 : ldb;
        int cStep = transB == 1 ? ldb : 1;
        // Panels (packedB): 16 columns × depth, row k of the block at k · 16 (ldb = 16), zero-padded past cols.
        int pb = bo + cb * depth * 16;
        int b0 = packedB == 1 ? pb : bo + cl * cStep;
        int b1 = packedB == 1 ? pb + 1 : bo + min(cl + 1, cols - 1) * cStep;
        int b2 = packedB == 1 ? pb + 2 : bo + min(cl + 2, cols - 1) * cStep;
        int b3 = packedB == 1 ? pb + 3 : bo + min(cl + 3, cols - 1) * cStep;
        int b4 = packedB == 1 ? pb + 4 : bo + min(cl + 4, cols - 1) * cStep;
        int b5 = packedB == 1 ? pb + 5 : bo + min(cl + 5, cols - 1) * cStep;
        int b6 = packedB == 1 ? pb + 6 : bo + min(cl + 6, cols - 1) * cStep;
        int b7 = packedB == 1 ? pb + 7 : bo + min(cl + 7, cols - 1) * cStep;
        int b8 = packedB == 1 ? pb + 8 : bo + min(cl + 8, cols - 1) * cStep;
        int b9 = packedB == 1 ? pb + 9 : bo + min(cl + 9, cols - 1) * cStep;
        int b10 = packedB == 1 ? pb + 10 : bo + min(cl + 10, cols - 1) * cStep;
        int b11 = packedB == 1 ? pb + 11 : bo + min(cl + 11, cols - 1) * cStep;
        int b12 = packedB == 1 ? pb + 12 : bo + min(cl + 12, cols - 1) * cStep;
        int b13 = packedB == 1 ? pb + 13 : bo + min(cl + 13, cols - 1) * cStep;
        int b14 = packedB == 1 ? pb + 14 : bo + min(cl + 14, cols - 1) * cStep;
        int b15 = packedB == 1 ? pb + 15 : bo + min(cl + 15, cols - 1) * cStep;
        // The bias starts the sums (per row for 1×1 convolutions, per column for linear layers), so the stores
        // below need not add it.
        float br0 = biasMode == BIAS_ROW ? bias[r0] : 0f;
        float br1 = biasMode == BIAS_ROW ? bias[min(r0 + 1, rows - 1)] : 0f;
        float br2 = biasMode == BIAS_ROW ? bias[min(r0 + 2, rows - 1)] : 0f;
        float br3 = biasMode == BIAS_ROW ? bias[min(r0 + 3, rows - 1)] : 0f;
        float br4 = biasMode == BIAS_ROW ? bias[min(r0 + 4, rows - 1)] : 0f;
        float br5 = biasMode == BIAS_ROW ? bias[min(r0 + 5, rows - 1)] : 0f;
        float br6 = biasMode == BIAS_ROW ? bias[min(r0 + 6, rows - 1)] : 0f;
        float br7 = biasMode == BIAS_ROW ? bias[min(r0 + 7, rows - 1)] : 0f;
        float bc0 = biasMode == BIAS_COLUMN ? bias[min(cl, cols - 1)] : 0f;
        float bc1 = biasMode == BIAS_COLUMN ? bias[min(cl + 1, cols - 1)] : 0f;
        float bc2 = biasMode == BIAS_COLUMN ? bias[min(cl + 2, cols - 1)] : 0f;
        float bc3 = biasMode == BIAS_COLUMN ? bias[min(cl + 3, cols - 1)] : 0f;
        float bc4 = biasMode == BIAS_COLUMN ? bias[min(cl + 4, cols - 1)] : 0f;
        float bc5 = biasMode == BIAS_COLUMN ? bias[min(cl + 5, cols - 1)] : 0f;
        float bc6 = biasMode == BIAS_COLUMN ? bias[min(cl + 6, cols - 1)] : 0f;
        float bc7 = biasMode == BIAS_COLUMN ? bias[min(cl + 7, cols - 1)] : 0f;
        float bc8 = biasMode == BIAS_COLUMN ? bias[min(cl + 8, cols - 1)] : 0f;
        float bc9 = biasMode == BIAS_COLUMN ? bias[min(cl + 9, cols - 1)] : 0f;
        float bc10 = biasMode == BIAS_COLUMN ? bias[min(cl + 10, cols - 1)] : 0f;
        float bc11 = biasMode == BIAS_COLUMN ? bias[min(cl + 11, cols - 1)] : 0f;
        float bc12 = biasMode == BIAS_COLUMN ? bias[min(cl + 12, cols - 1)] : 0f;
        float bc13 = biasMode == BIAS_COLUMN ? bias[min(cl + 13, cols - 1)] : 0f;
        float bc14 = biasMode == BIAS_COLUMN ? bias[min(cl + 14, cols - 1)] : 0f;
        float bc15 = biasMode == BIAS_COLUMN ? bias[min(cl + 15, cols - 1)] : 0f;
        float s0_0 = br0 + bc0, s0_1 = br0 + bc1, s0_2 = br0 + bc2, s0_3 = br0 + bc3,
                s0_4 = br0 + bc4, s0_5 = br0 + bc5, s0_6 = br0 + bc6, s0_7 = br0 + bc7;
        float s0_8 = br0 + bc8, s0_9 = br0 + bc9, s0_10 = br0 + bc10, s0_11 = br0 + bc11,
                s0_12 = br0 + bc12, s0_13 = br0 + bc13, s0_14 = br0 + bc14, s0_15 = br0 + bc15;
        float s1_0 = br1 + bc0, s1_1 = br1 + bc1, s1_2 = br1 + bc2, s1_3 = br1 + bc3,
                s1_4 = br1 + bc4, s1_5 = br1 + bc5, s1_6 = br1 + bc6, s1_7 = br1 + bc7;
        float s1_8 = br1 + bc8, s1_9 = br1 + bc9, s1_10 = br1 + bc10, s1_11 = br1 + bc11,
                s1_12 = br1 + bc12, s1_13 = br1 + bc13, s1_14 = br1 + bc14, s1_15 = br1 + bc15;
        float s2_0 = br2 + bc0, s2_1 = br2 + bc1, s2_2 = br2 + bc2, s2_3 = br2 + bc3,
                s2_4 = br2 + bc4, s2_5 = br2 + bc5, s2_6 = br2 + bc6, s2_7 = br2 + bc7;
        float s2_8 = br2 + bc8, s2_9 = br2 + bc9, s2_10 = br2 + bc10, s2_11 = br2 + bc11,
                s2_12 = br2 + bc12, s2_13 = br2 + bc13, s2_14 = br2 + bc14, s2_15 = br2 + bc15;
        float s3_0 = br3 + bc0, s3_1 = br3 + bc1, s3_2 = br3 + bc2, s3_3 = br3 + bc3,
                s3_4 = br3 + bc4, s3_5 = br3 + bc5, s3_6 = br3 + bc6, s3_7 = br3 + bc7;
        float s3_8 = br3 + bc8, s3_9 = br3 + bc9, s3_10 = br3 + bc10, s3_11 = br3 + bc11,
                s3_12 = br3 + bc12, s3_13 = br3 + bc13, s3_14 = br3 + bc14, s3_15 = br3 + bc15;
        float s4_0 = br4 + bc0, s4_1 = br4 + bc1, s4_2 = br4 + bc2, s4_3 = br4 + bc3,
                s4_4 = br4 + bc4, s4_5 = br4 + bc5, s4_6 = br4 + bc6, s4_7 = br4 + bc7;
        float s4_8 = br4 + bc8, s4_9 = br4 + bc9, s4_10 = br4 + bc10, s4_11 = br4 + bc11,
                s4_12 = br4 + bc12, s4_13 = br4 + bc13, s4_14 = br4 + bc14, s4_15 = br4 + bc15;
        float s5_0 = br5 + bc0, s5_1 = br5 + bc1, s5_2 = br5 + bc2, s5_3 = br5 + bc3,
                s5_4 = br5 + bc4, s5_5 = br5 + bc5, s5_6 = br5 + bc6, s5_7 = br5 + bc7;
        float s5_8 = br5 + bc8, s5_9 = br5 + bc9, s5_10 = br5 + bc10, s5_11 = br5 + bc11,
                s5_12 = br5 + bc12, s5_13 = br5 + bc13, s5_14 = br5 + bc14, s5_15 = br5 + bc15;
        float s6_0 = br6 + bc0, s6_1 = br6 + bc1, s6_2 = br6 + bc2, s6_3 = br6 + bc3,
                s6_4 = br6 + bc4, s6_5 = br6 + bc5, s6_6 = br6 + bc6, s6_7 = br6 + bc7;
        float s6_8 = br6 + bc8, s6_9 = br6 + bc9, s6_10 = br6 + bc10, s6_11 = br6 + bc11,
                s6_12 = br6 + bc12, s6_13 = br6 + bc13, s6_14 = br6 + bc14, s6_15 = br6 + bc15;
        float s7_0 = br7 + bc0, s7_1 = br7 + bc1, s7_2 = br7 + bc2, s7_3 = br7 + bc3,
                s7_4 = br7 + bc4, s7_5 = br7 + bc5, s7_6 = br7 + bc6, s7_7 = br7 + bc7;
        float s7_8 = br7 + bc8, s7_9 = br7 + bc9, s7_10 = br7 + bc10, s7_11 = br7 + bc11,
                s7_12 = br7 + bc12, s7_13 = br7 + bc13, s7_14 = br7 + bc14, s7_15 = br7 + bc15;
        // Two copies of the k loop: the first with A's and B's addresses visibly consecutive (base + 0 … 7, base +
        // 0 … 15), so both load as vectors; the second with per-row and per-column indices. One shared body would
        // hide the first's pattern from the compiler, and an Aparapi kernel cannot hand its 128 accumulators to a
        // method.
        if (rows - r0 == 1 && packedB == 1) {
            // One row (a classifier head at batch 1): its 16 columns only. Through the 8-row loop below it had
            // computed the row 8 times over and run at 12 GFLOP/s (mobilenet_v2's 1280 → 1000 head 1.7 ms).
            for (int k = 0; k < depth; k++) {
                float x0 = a[a0 + k * aStep];
                int kb = b0 + k * ldb;
                float w0 = b[kb + 0];
                float w1 = b[kb + 1];
                float w2 = b[kb + 2];
                float w3 = b[kb + 3];
                float w4 = b[kb + 4];
                float w5 = b[kb + 5];
                float w6 = b[kb + 6];
                float w7 = b[kb + 7];
                float w8 = b[kb + 8];
                float w9 = b[kb + 9];
                float w10 = b[kb + 10];
                float w11 = b[kb + 11];
                float w12 = b[kb + 12];
                float w13 = b[kb + 13];
                float w14 = b[kb + 14];
                float w15 = b[kb + 15];
                s0_0 += x0 * w0; s0_1 += x0 * w1; s0_2 += x0 * w2; s0_3 += x0 * w3;
                s0_4 += x0 * w4; s0_5 += x0 * w5; s0_6 += x0 * w6; s0_7 += x0 * w7;
                s0_8 += x0 * w8; s0_9 += x0 * w9; s0_10 += x0 * w10; s0_11 += x0 * w11;
                s0_12 += x0 * w12; s0_13 += x0 * w13; s0_14 += x0 * w14; s0_15 += x0 * w15;
            }
        } else if (packedA == 1 && (packedB == 1 || (transB == 0 && cl + 16 <= cols))) {
            for (int k = 0; k < depth; k++) {
                int ka = pa + k * panelRows;
                float x0 = a[ka];
                float x1 = a[ka + 1];
                float x2 = a[ka + 2];
                float x3 = a[ka + 3];
                float x4 = a[ka + 4];
                float x5 = a[ka + 5];
                float x6 = a[ka + 6];
                float x7 = a[ka + 7];
                int kb = b0 + k * ldb;
                float w0 = b[kb];
                float w1 = b[kb + 1];
                float w2 = b[kb + 2];
                float w3 = b[kb + 3];
                float w4 = b[kb + 4];
                float w5 = b[kb + 5];
                float w6 = b[kb + 6];
                float w7 = b[kb + 7];
                float w8 = b[kb + 8];
                float w9 = b[kb + 9];
                float w10 = b[kb + 10];
                float w11 = b[kb + 11];
                float w12 = b[kb + 12];
                float w13 = b[kb + 13];
                float w14 = b[kb + 14];
                float w15 = b[kb + 15];
                s0_0 += x0 * w0; s0_1 += x0 * w1; s0_2 += x0 * w2; s0_3 += x0 * w3;
                s0_4 += x0 * w4; s0_5 += x0 * w5; s0_6 += x0 * w6; s0_7 += x0 * w7;
                s0_8 += x0 * w8; s0_9 += x0 * w9; s0_10 += x0 * w10; s0_11 += x0 * w11;
                s0_12 += x0 * w12; s0_13 += x0 * w13; s0_14 += x0 * w14; s0_15 += x0 * w15;
                s1_0 += x1 * w0; s1_1 += x1 * w1; s1_2 += x1 * w2; s1_3 += x1 * w3;
                s1_4 += x1 * w4; s1_5 += x1 * w5; s1_6 += x1 * w6; s1_7 += x1 * w7;
                s1_8 += x1 * w8; s1_9 += x1 * w9; s1_10 += x1 * w10; s1_11 += x1 * w11;
                s1_12 += x1 * w12; s1_13 += x1 * w13; s1_14 += x1 * w14; s1_15 += x1 * w15;
                s2_0 += x2 * w0; s2_1 += x2 * w1; s2_2 += x2 * w2; s2_3 += x2 * w3;
                s2_4 += x2 * w4; s2_5 += x2 * w5; s2_6 += x2 * w6; s2_7 += x2 * w7;
                s2_8 += x2 * w8; s2_9 += x2 * w9; s2_10 += x2 * w10; s2_11 += x2 * w11;
                s2_12 += x2 * w12; s2_13 += x2 * w13; s2_14 += x2 * w14; s2_15 += x2 * w15;
                s3_0 += x3 * w0; s3_1 += x3 * w1; s3_2 += x3 * w2; s3_3 += x3 * w3;
                s3_4 += x3 * w4; s3_5 += x3 * w5; s3_6 += x3 * w6; s3_7 += x3 * w7;
                s3_8 += x3 * w8; s3_9 += x3 * w9; s3_10 += x3 * w10; s3_11 += x3 * w11;
                s3_12 += x3 * w12; s3_13 += x3 * w13; s3_14 += x3 * w14; s3_15 += x3 * w15;
                s4_0 += x4 * w0; s4_1 += x4 * w1; s4_2 += x4 * w2; s4_3 += x4 * w3;
                s4_4 += x4 * w4; s4_5 += x4 * w5; s4_6 += x4 * w6; s4_7 += x4 * w7;
                s4_8 += x4 * w8; s4_9 += x4 * w9; s4_10 += x4 * w10; s4_11 += x4 * w11;
                s4_12 += x4 * w12; s4_13 += x4 * w13; s4_14 += x4 * w14; s4_15 += x4 * w15;
                s5_0 += x5 * w0; s5_1 += x5 * w1; s5_2 += x5 * w2; s5_3 += x5 * w3;
                s5_4 += x5 * w4; s5_5 += x5 * w5; s5_6 += x5 * w6; s5_7 += x5 * w7;
                s5_8 += x5 * w8; s5_9 += x5 * w9; s5_10 += x5 * w10; s5_11 += x5 * w11;
                s5_12 += x5 * w12; s5_13 += x5 * w13; s5_14 += x5 * w14; s5_15 += x5 * w15;
                s6_0 += x6 * w0; s6_1 += x6 * w1; s6_2 += x6 * w2; s6_3 += x6 * w3;
                s6_4 += x6 * w4; s6_5 += x6 * w5; s6_6 += x6 * w6; s6_7 += x6 * w7;
                s6_8 += x6 * w8; s6_9 += x6 * w9; s6_10 += x6 * w10; s6_11 += x6 * w11;
                s6_12 += x6 * w12; s6_13 += x6 * w13; s6_14 += x6 * w14; s6_15 += x6 * w15;
                s7_0 += x7 * w0; s7_1 += x7 * w1; s7_2 += x7 * w2; s7_3 += x7 * w3;
                s7_4 += x7 * w4; s7_5 += x7 * w5; s7_6 += x7 * w6; s7_7 += x7 * w7;
                s7_8 += x7 * w8; s7_9 += x7 * w9; s7_10 += x7 * w10; s7_11 += x7 * w11;
                s7_12 += x7 * w12; s7_13 += x7 * w13; s7_14 += x7 * w14; s7_15 += x7 * w15;
            }
        } else {
            for (int k = 0; k < depth; k++) {
                float x0 = a[a0 + k * aStep];
                float x1 = a[a1 + k * aStep];
                float x2 = a[a2 + k * aStep];
                float x3 = a[a3 + k * aStep];
                float x4 = a[a4 + k * aStep];
                float x5 = a[a5 + k * aStep];
                float x6 = a[a6 + k * aStep];
                float x7 = a[a7 + k * aStep];
                int kb = k * kStep;
                float w0 = b[b0 + kb];
                float w1 = b[b1 + kb];
                float w2 = b[b2 + kb];
                float w3 = b[b3 + kb];
                float w4 = b[b4 + kb];
                float w5 = b[b5 + kb];
                float w6 = b[b6 + kb];
                float w7 = b[b7 + kb];
                float w8 = b[b8 + kb];
                float w9 = b[b9 + kb];
                float w10 = b[b10 + kb];
                float w11 = b[b11 + kb];
                float w12 = b[b12 + kb];
                float w13 = b[b13 + kb];
                float w14 = b[b14 + kb];
                float w15 = b[b15 + kb];
                s0_0 += x0 * w0; s0_1 += x0 * w1; s0_2 += x0 * w2; s0_3 += x0 * w3;
                s0_4 += x0 * w4; s0_5 += x0 * w5; s0_6 += x0 * w6; s0_7 += x0 * w7;
                s0_8 += x0 * w8; s0_9 += x0 * w9; s0_10 += x0 * w10; s0_11 += x0 * w11;
                s0_12 += x0 * w12; s0_13 += x0 * w13; s0_14 += x0 * w14; s0_15 += x0 * w15;
                s1_0 += x1 * w0; s1_1 += x1 * w1; s1_2 += x1 * w2; s1_3 += x1 * w3;
                s1_4 += x1 * w4; s1_5 += x1 * w5; s1_6 += x1 * w6; s1_7 += x1 * w7;
                s1_8 += x1 * w8; s1_9 += x1 * w9; s1_10 += x1 * w10; s1_11 += x1 * w11;
                s1_12 += x1 * w12; s1_13 += x1 * w13; s1_14 += x1 * w14; s1_15 += x1 * w15;
                s2_0 += x2 * w0; s2_1 += x2 * w1; s2_2 += x2 * w2; s2_3 += x2 * w3;
                s2_4 += x2 * w4; s2_5 += x2 * w5; s2_6 += x2 * w6; s2_7 += x2 * w7;
                s2_8 += x2 * w8; s2_9 += x2 * w9; s2_10 += x2 * w10; s2_11 += x2 * w11;
                s2_12 += x2 * w12; s2_13 += x2 * w13; s2_14 += x2 * w14; s2_15 += x2 * w15;
                s3_0 += x3 * w0; s3_1 += x3 * w1; s3_2 += x3 * w2; s3_3 += x3 * w3;
                s3_4 += x3 * w4; s3_5 += x3 * w5; s3_6 += x3 * w6; s3_7 += x3 * w7;
                s3_8 += x3 * w8; s3_9 += x3 * w9; s3_10 += x3 * w10; s3_11 += x3 * w11;
                s3_12 += x3 * w12; s3_13 += x3 * w13; s3_14 += x3 * w14; s3_15 += x3 * w15;
                s4_0 += x4 * w0; s4_1 += x4 * w1; s4_2 += x4 * w2; s4_3 += x4 * w3;
                s4_4 += x4 * w4; s4_5 += x4 * w5; s4_6 += x4 * w6; s4_7 += x4 * w7;
                s4_8 += x4 * w8; s4_9 += x4 * w9; s4_10 += x4 * w10; s4_11 += x4 * w11;
                s4_12 += x4 * w12; s4_13 += x4 * w13; s4_14 += x4 * w14; s4_15 += x4 * w15;
                s5_0 += x5 * w0; s5_1 += x5 * w1; s5_2 += x5 * w2; s5_3 += x5 * w3;
                s5_4 += x5 * w4; s5_5 += x5 * w5; s5_6 += x5 * w6; s5_7 += x5 * w7;
                s5_8 += x5 * w8; s5_9 += x5 * w9; s5_10 += x5 * w10; s5_11 += x5 * w11;
                s5_12 += x5 * w12; s5_13 += x5 * w13; s5_14 += x5 * w14; s5_15 += x5 * w15;
                s6_0 += x6 * w0; s6_1 += x6 * w1; s6_2 += x6 * w2; s6_3 += x6 * w3;
                s6_4 += x6 * w4; s6_5 += x6 * w5; s6_6 += x6 * w6; s6_7 += x6 * w7;
                s6_8 += x6 * w8; s6_9 += x6 * w9; s6_10 += x6 * w10; s6_11 += x6 * w11;
                s6_12 += x6 * w12; s6_13 += x6 * w13; s6_14 += x6 * w14; s6_15 += x6 * w15;
                s7_0 += x7 * w0; s7_1 += x7 * w1; s7_2 += x7 * w2; s7_3 += x7 * w3;
                s7_4 += x7 * w4; s7_5 += x7 * w5; s7_6 += x7 * w6; s7_7 += x7 * w7;
                s7_8 += x7 * w8; s7_9 += x7 * w9; s7_10 += x7 * w10; s7_11 += x7 * w11;
                s7_12 += x7 * w12; s7_13 += x7 * w13; s7_14 += x7 * w14; s7_15 += x7 * w15;
            }
        }
        int base = batch * rows * cols;
        if (r0 + 8 <= rows && c0 + 16 <= cols && ragged == 0) {
            // A full tile: 128 unconditional stores at consecutive addresses per row, from which the vectoriser
            // works back through the k loop (stores are where it starts); the bias and activation follow in place.
            int o0 = base + (r0 + 0) * cols + c0;
            c[o0 + 0] = s0_0; c[o0 + 1] = s0_1; c[o0 + 2] = s0_2; c[o0 + 3] = s0_3;
            c[o0 + 4] = s0_4; c[o0 + 5] = s0_5; c[o0 + 6] = s0_6; c[o0 + 7] = s0_7;
            c[o0 + 8] = s0_8; c[o0 + 9] = s0_9; c[o0 + 10] = s0_10; c[o0 + 11] = s0_11;
            c[o0 + 12] = s0_12; c[o0 + 13] = s0_13; c[o0 + 14] = s0_14; c[o0 + 15] = s0_15;
            int o1 = base + (r0 + 1) * cols + c0;
            c[o1 + 0] = s1_0; c[o1 + 1] = s1_1; c[o1 + 2] = s1_2; c[o1 + 3] = s1_3;
            c[o1 + 4] = s1_4; c[o1 + 5] = s1_5; c[o1 + 6] = s1_6; c[o1 + 7] = s1_7;
            c[o1 + 8] = s1_8; c[o1 + 9] = s1_9; c[o1 + 10] = s1_10; c[o1 + 11] = s1_11;
            c[o1 + 12] = s1_12; c[o1 + 13] = s1_13; c[o1 + 14] = s1_14; c[o1 + 15] = s1_15;
            int o2 = base + (r0 + 2) * cols + c0;
            c[o2 + 0] = s2_0; c[o2 + 1] = s2_1; c[o2 + 2] = s2_2; c[o2 + 3] = s2_3;
            c[o2 + 4] = s2_4; c[o2 + 5] = s2_5; c[o2 + 6] = s2_6; c[o2 + 7] = s2_7;
            c[o2 + 8] = s2_8; c[o2 + 9] = s2_9; c[o2 + 10] = s2_10; c[o2 + 11] = s2_11;
            c[o2 + 12] = s2_12; c[o2 + 13] = s2_13; c[o2 + 14] = s2_14; c[o2 + 15] = s2_15;
            int o3 = base + (r0 + 3) * cols + c0;
            c[o3 + 0] = s3_0; c[o3 + 1] = s3_1; c[o3 + 2] = s3_2; c[o3 + 3] = s3_3;
            c[o3 + 4] = s3_4; c[o3 + 5] = s3_5; c[o3 + 6] = s3_6; c[o3 + 7] = s3_7;
            c[o3 + 8] = s3_8; c[o3 + 9] = s3_9; c[o3 + 10] = s3_10; c[o3 + 11] = s3_11;
            c[o3 + 12] = s3_12; c[o3 + 13] = s3_13; c[o3 + 14] = s3_14; c[o3 + 15] = s3_15;
            int o4 = base + (r0 + 4) * cols + c0;
            c[o4 + 0] = s4_0; c[o4 + 1] = s4_1; c[o4 + 2] = s4_2; c[o4 + 3] = s4_3;
            c[o4 + 4] = s4_4; c[o4 + 5] = s4_5; c[o4 + 6] = s4_6; c[o4 + 7] = s4_7;
            c[o4 + 8] = s4_8; c[o4 + 9] = s4_9; c[o4 + 10] = s4_10; c[o4 + 11] = s4_11;
            c[o4 + 12] = s4_12; c[o4 + 13] = s4_13; c[o4 + 14] = s4_14; c[o4 + 15] = s4_15;
            int o5 = base + (r0 + 5) * cols + c0;
            c[o5 + 0] = s5_0; c[o5 + 1] = s5_1; c[o5 + 2] = s5_2; c[o5 + 3] = s5_3;
            c[o5 + 4] = s5_4; c[o5 + 5] = s5_5; c[o5 + 6] = s5_6; c[o5 + 7] = s5_7;
            c[o5 + 8] = s5_8; c[o5 + 9] = s5_9; c[o5 + 10] = s5_10; c[o5 + 11] = s5_11;
            c[o5 + 12] = s5_12; c[o5 + 13] = s5_13; c[o5 + 14] = s5_14; c[o5 + 15] = s5_15;
            int o6 = base + (r0 + 6) * cols + c0;
            c[o6 + 0] = s6_0; c[o6 + 1] = s6_1; c[o6 + 2] = s6_2; c[o6 + 3] = s6_3;
            c[o6 + 4] = s6_4; c[o6 + 5] = s6_5; c[o6 + 6] = s6_6; c[o6 + 7] = s6_7;
            c[o6 + 8] = s6_8; c[o6 + 9] = s6_9; c[o6 + 10] = s6_10; c[o6 + 11] = s6_11;
            c[o6 + 12] = s6_12; c[o6 + 13] = s6_13; c[o6 + 14] = s6_14; c[o6 + 15] = s6_15;
            int o7 = base + (r0 + 7) * cols + c0;
            c[o7 + 0] = s7_0; c[o7 + 1] = s7_1; c[o7 + 2] = s7_2; c[o7 + 3] = s7_3;
            c[o7 + 4] = s7_4; c[o7 + 5] = s7_5; c[o7 + 6] = s7_6; c[o7 + 7] = s7_7;
            c[o7 + 8] = s7_8; c[o7 + 9] = s7_9; c[o7 + 10] = s7_10; c[o7 + 11] = s7_11;
            c[o7 + 12] = s7_12; c[o7 + 13] = s7_13; c[o7 + 14] = s7_14; c[o7 + 15] = s7_15;
            // The residual, then the activation, in place: ReLU and ReLU6 as clamps of each row's 16 consecutive
            // values (which vectorise), the others element by element.
            if (hasResidual == 1) {
                for (int r = 0; r < 8; r++) {
                    int o = base + (r0 + r) * cols + c0;
                    for (int j = 0; j < 16; j++) {
                        c[o + j] += residual[o + j];
                    }
                }
            }
            if (act == RELU || act == RELU6) {
                float hi = act == RELU6 ? 6f : HIGHEST;
                for (int r = 0; r < 8; r++) {
                    int o = base + (r0 + r) * cols + c0;
                    for (int j = 0; j < 16; j++) {
                        c[o + j] = min(max(c[o + j], 0f), hi);
                    }
                }
            } else if (act != IDENTITY) {
                for (int i = 0; i < 128; i++) {
                    int o = base + (r0 + (i >> 4)) * cols + c0 + (i & 15);
                    c[o] = activate(act, alpha, c[o]);
                }
            }
            return;
        }
        // Partial tiles: columns from c0 (a shifted block skips those the block before stored) up to cols, rows
        // up to rows.
        int rCount = min(8, rows - r0);
        storeFrom(base, r0 + 0, cl, c0, s0_0, s0_1, s0_2, s0_3);
        storeFrom(base, r0 + 0, cl + 4, c0, s0_4, s0_5, s0_6, s0_7);
        storeFrom(base, r0 + 0, cl + 8, c0, s0_8, s0_9, s0_10, s0_11);
        storeFrom(base, r0 + 0, cl + 12, c0, s0_12, s0_13, s0_14, s0_15);
        if (rCount > 1) {
            storeFrom(base, r0 + 1, cl, c0, s1_0, s1_1, s1_2, s1_3);
            storeFrom(base, r0 + 1, cl + 4, c0, s1_4, s1_5, s1_6, s1_7);
            storeFrom(base, r0 + 1, cl + 8, c0, s1_8, s1_9, s1_10, s1_11);
            storeFrom(base, r0 + 1, cl + 12, c0, s1_12, s1_13, s1_14, s1_15);
        }
        if (rCount > 2) {
            storeFrom(base, r0 + 2, cl, c0, s2_0, s2_1, s2_2, s2_3);
            storeFrom(base, r0 + 2, cl + 4, c0, s2_4, s2_5, s2_6, s2_7);
            storeFrom(base, r0 + 2, cl + 8, c0, s2_8, s2_9, s2_10, s2_11);
            storeFrom(base, r0 + 2, cl + 12, c0, s2_12, s2_13, s2_14, s2_15);
        }
        if (rCount > 3) {
            storeFrom(base, r0 + 3, cl, c0, s3_0, s3_1, s3_2, s3_3);
            storeFrom(base, r0 + 3, cl + 4, c0, s3_4, s3_5, s3_6, s3_7);
            storeFrom(base, r0 + 3, cl + 8, c0, s3_8, s3_9, s3_10, s3_11);
            storeFrom(base, r0 + 3, cl + 12, c0, s3_12, s3_13, s3_14, s3_15);
        }
        if (rCount > 4) {
            storeFrom(base, r0 + 4, cl, c0, s4_0, s4_1, s4_2, s4_3);
            storeFrom(base, r0 + 4, cl + 4, c0, s4_4, s4_5, s4_6, s4_7);
            storeFrom(base, r0 + 4, cl + 8, c0, s4_8, s4_9, s4_10, s4_11);
            storeFrom(base, r0 + 4, cl + 12, c0, s4_12, s4_13, s4_14, s4_15);
        }
        if (rCount > 5) {
            storeFrom(base, r0 + 5, cl, c0, s5_0, s5_1, s5_2, s5_3);
            storeFrom(base, r0 + 5, cl + 4, c0, s5_4, s5_5, s5_6, s5_7);
            storeFrom(base, r0 + 5, cl + 8, c0, s5_8, s5_9, s5_10, s5_11);
            storeFrom(base, r0 + 5, cl + 12, c0, s5_12, s5_13, s5_14, s5_15);
        }
        if (rCount > 6) {
            storeFrom(base, r0 + 6, cl, c0, s6_0, s6_1, s6_2, s6_3);
            storeFrom(base, r0 + 6, cl + 4, c0, s6_4, s6_5, s6_6, s6_7);
            storeFrom(base, r0 + 6, cl + 8, c0, s6_8, s6_9, s6_10, s6_11);
            storeFrom(base, r0 + 6, cl + 12, c0, s6_12, s6_13, s6_14, s6_15);
        }
        if (rCount > 7) {
            storeFrom(base, r0 + 7, cl, c0, s7_0, s7_1, s7_2, s7_3);
            storeFrom(base, r0 + 7, cl + 4, c0, s7_4, s7_5, s7_6, s7_7);
            storeFrom(base, r0 + 7, cl + 8, c0, s7_8, s7_9, s7_10, s7_11);
            storeFrom(base, r0 + 7, cl + 12, c0, s7_12, s7_13, s7_14, s7_15);
        }
    }
}
