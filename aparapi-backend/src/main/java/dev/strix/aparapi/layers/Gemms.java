package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.GemmKernel;
import dev.strix.aparapi.kernels.MatrixKernel;
import dev.strix.aparapi.kernels.WideGemmKernel;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.aparapi.spi.NodeContext;

/**
 * Plans matrix-product launches for linear layers, matmul, attention projections and 1×1 convolutions:
 * {@link WideGemmKernel} for OpenCL, {@link GemmKernel} for the Java thread pool.
 */
final class Gemms {
    /** No bias: Aparapi needs every array field set, so absent ones point here. */
    static final float[] NONE = new float[1];

    private Gemms() {}

    /**
     * Launches a kernel computing {@code c} = a·op(b) + bias for {@code batches} matrices; {@code aOffsets} and
     * {@code bOffsets} give each batch's start in a and b.
     */
    static MatrixKernel gemm(NodeContext node, float[] a, int[] aOffsets, float[] b, int[] bOffsets, float[] c, int rows,
            int cols, int depth, int lda, int ldb, boolean transB, float[] bias, int biasMode) {
        MatrixKernel k = node.mode() == Mode.OPENCL ? new WideGemmKernel() : new GemmKernel();
        k.a = a;
        k.b = b;
        k.c = c;
        k.bias = bias == null ? NONE.clone() : bias;
        k.biasMode = bias == null ? MatrixKernel.BIAS_NONE : biasMode;
        k.aOffsets = aOffsets;
        k.bOffsets = bOffsets;
        k.rows = rows;
        k.cols = cols;
        k.depth = depth;
        k.lda = lda;
        k.ldb = ldb;
        k.transB = transB ? 1 : 0;
        k.act = StrixKernel.IDENTITY;
        int batches = aOffsets.length;
        k.n = batches * ((rows + k.tileRows() - 1) / k.tileRows()) * ((cols + k.tileCols() - 1) / k.tileCols());
        node.launch(k, k.n).constants(k.aOffsets, k.bOffsets, k.bias).writes(c);
        return k;
    }

    /**
     * y[rows, out] = x[rows, in] · weightᵀ + bias for a weight [out, in] — a linear layer over the flattened
     * leading dims. The weight and bias are constants; x is read every run.
     */
    static MatrixKernel linear(NodeContext node, float[] x, float[] weight, float[] bias, float[] y, int rows, int in,
            int out) {
        if (node.mode() == Mode.OPENCL) {
            // The weight transposed once to [in, out]: row-major B, which WideGemmKernel reads 16 columns at a time as
            // vectors (read as [out, in] it falls back to scalar loads; vit_b_16's linears were most of its time).
            float[] t = transpose(weight, out, in);
            MatrixKernel k = gemm(node, x, new int[] {0}, t, new int[] {0}, y, rows, out, in, in, out, false, bias,
                    MatrixKernel.BIAS_COLUMN);
            node.lastLaunch().constants(t).reads(x);
            return k;
        }
        MatrixKernel k = gemm(node, x, new int[] {0}, weight, new int[] {0}, y, rows, out, in, in, in, true, bias,
                MatrixKernel.BIAS_COLUMN);
        node.lastLaunch().constants(weight).reads(x);
        return k;
    }

    /** {@code w} (rows × cols, row-major) transposed. */
    static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }
}
