package dev.strix.aparapi.kernels;

/**
 * Batched matrix product C[b] = act(A[b] · op(B[b]) + bias), register-tiled per work item (the tile is the
 * subclass's: {@link GemmKernel} 4 × 4, {@link WideGemmKernel} 8 × 16). A[b] is M × K
 * with rows {@link #lda} apart; op(B) is K × N, read as B[k·ldb + j] or, with {@link #transB}, B[j·ldb + k]
 * (a linear layer's [out, in] weight). Per-batch offsets come from tables so broadcast batch dims cost nothing.
 * C[b] is dense M × N at b·M·N. Bias is per column ({@link #BIAS_COLUMN}) or per row ({@link #BIAS_ROW}).
 */
public abstract class MatrixKernel extends StrixKernel {
    public static final int BIAS_NONE = 0;
    public static final int BIAS_COLUMN = 1;
    public static final int BIAS_ROW = 2;

    public float[] a;
    public float[] b;
    public float[] bias;
    public float[] c;
    public int[] aOffsets;
    public int[] bOffsets;
    public int rows;
    public int cols;
    public int depth;
    public int lda;
    public int ldb;
    public int transB;
    /**
     * 1 when B is a constant packed in 16-column panels ([ceil(N/16)][K][16], zero-padded; {@link #ldb} 16), so a
     * tile reads its 16 columns of consecutive k from consecutive memory (WideGemmKernel only).
     */
    public int packedB;
    /**
     * 1 when A is packed in panels of {@link #panelRows} rows ([ceil(M/8)][K][8]; {@link #aOffsets} give each
     * batch's first panel), so a tile's 8 values of one k are consecutive (WideGemmKernel only).
     */
    public int packedA;
    /**
     * Rows per A panel: always 8, but a field, not a literal. With the literal LLVM proves the panel offsets
     * multiples of 8, writes the row offsets +1 … +7 as ORs, and its vectoriser no longer sees the 8 loads as
     * consecutive: it gathered them (46 GFLOP/s on a 64 × 256 × 3,136 product, against 103 with the field).
     */
    public int panelRows = 8;
    public int biasMode;
    /** Added to C element by element before the activation when {@link #hasResidual} is 1 (C's layout). */
    public float[] residual;
    public int hasResidual;
    public int act;
    public float alpha;

    /** Rows of C one work item computes. */
    public abstract int tileRows();

    /** Columns of C one work item computes. */
    public abstract int tileCols();

    /**
     * Stores the four columns from col of row r that lie in [from, cols), with the residual and the activation (the
     * sums already hold the bias: both tiles start them from it). Written out rather than through a helper per
     * value: Aparapi 3.0.2 declares the methods of a call chain four deep (compute, this, a helper, activate, erfc1)
     * in an order the OpenCL compiler rejects.
     */
    protected final void storeFrom(int base, int r, int col, int from, float v0, float v1, float v2, float v3) {
        int o = base + r * cols + col;
        if (col >= from && col < cols) {
            c[o] = activate(act, alpha, hasResidual == 1 ? v0 + residual[o] : v0);
        }
        if (col + 1 >= from && col + 1 < cols) {
            c[o + 1] = activate(act, alpha, hasResidual == 1 ? v1 + residual[o + 1] : v1);
        }
        if (col + 2 >= from && col + 2 < cols) {
            c[o + 2] = activate(act, alpha, hasResidual == 1 ? v2 + residual[o + 2] : v2);
        }
        if (col + 3 >= from && col + 3 < cols) {
            c[o + 3] = activate(act, alpha, hasResidual == 1 ? v3 + residual[o + 3] : v3);
        }
    }
}
