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

    /**
     * Depth up to which WideGemmKernel's neighbouring work items take neighbouring column blocks: a short k loop
     * makes a tile's 512 bytes of output cost more than its products, and column blocks in a row write the same 8
     * rows of C one after another. mobilenet_v2 (depths 16–960) 16.7 → 14.5 ms (fastest of 60 alternating runs);
     * resnet50 unchanged; ViT's deep products (768, 3,072) run slower that way and keep row blocks first.
     */
    static final int SHORT_DEPTH = 160;

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
        k.residual = NONE.clone();
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
        if (k instanceof WideGemmKernel wk) {
            wk.columnsFirst = depth <= SHORT_DEPTH ? 1 : 0;
        }
        int batches = aOffsets.length;
        k.n = batches * ((rows + k.tileRows() - 1) / k.tileRows()) * ((cols + k.tileCols() - 1) / k.tileCols());
        node.launch(k, k.n).constants(k.aOffsets, k.bOffsets, k.bias).writes(c);
        return k;
    }

    /**
     * Makes the matrix product {@code k}, the node's last launch, add {@code residual} (an array of its output's
     * layout, read every run) to what it writes before the activation; null adds nothing.
     */
    static void addResidual(NodeContext node, MatrixKernel k, float[] residual) {
        if (residual != null) {
            k.residual = residual;
            k.hasResidual = 1;
            node.lastLaunch().reads(residual);
        }
    }

    /**
     * y[rows, out] = x[rows, in] · weightᵀ + bias for a weight [out, in] — a linear layer over the flattened
     * leading dims. The weight and bias are constants; x is read every run.
     */
    static MatrixKernel linear(NodeContext node, float[] x, float[] weight, float[] bias, float[] y, int rows, int in,
            int out) {
        if (node.mode() == Mode.OPENCL) {
            // The weight packed once as B = weightᵀ in 16-column panels, which WideGemmKernel reads 16 columns at a
            // time as vectors from consecutive memory (read as [out, in] it falls back to scalar loads; vit_b_16's
            // linears were most of its time), and x packed every run in 8-row panels, read 8 rows at a time.
            // Fewer than 8 rows (a classifier head) skip the packing copy: it would cost a launch for no whole panel.
            float[] t = panels(weight, out, in);
            boolean packA = rows >= 8;
            float[] xp = packA ? packRows(node, x, 1, 0, rows, in) : x;
            MatrixKernel k = gemm(node, xp, new int[] {0}, t, new int[] {0}, y, rows, out, in, in, 16, false, bias,
                    MatrixKernel.BIAS_COLUMN);
            k.packedA = packA ? 1 : 0;
            k.packedB = 1;
            node.lastLaunch().constants(t).reads(xp);
            return k;
        }
        MatrixKernel k = gemm(node, x, new int[] {0}, weight, new int[] {0}, y, rows, out, in, in, in, true, bias,
                MatrixKernel.BIAS_COLUMN);
        node.lastLaunch().constants(weight).reads(x);
        return k;
    }

    /**
     * A row-major matrix [rows, cols] in 8-row panels, per group of rows/groups rows: panel p of group g holds that
     * group's rows 8p … 8p + 7 for every column, [col][8], zeros past the group's last row. The weights of a 1×1
     * convolution (A of its product; one group) and of PaddedConvKernel ([out, in/groups · kh · kw]).
     */
    static float[] rowPanels(float[] m, int rows, int groups, int cols) {
        int perGroup = rows / groups;
        int panels = (perGroup + 7) / 8;
        float[] t = new float[Math.multiplyExact(groups * panels * 8, cols)];
        for (int r = 0; r < rows; r++) {
            int g = r / perGroup;
            int j = r % perGroup;
            int base = (g * panels + j / 8) * cols * 8 + j % 8;
            for (int k = 0; k < cols; k++) {
                t[base + k * 8] = m[r * cols + k];
            }
        }
        return t;
    }

    /**
     * Launches the copies that pack {@code count} row-major matrices [rows, depth] of {@code a} ({@code stride}
     * floats apart) into 8-row panels every run, as {@link #rowPanels} does once for constants: whole panels in
     * one copy, a ragged last panel's rows in a second. Its missing rows are never written; whatever they hold only
     * reaches sums of rows past {@code rows}, which are not stored. Returns the packed array,
     * [count][ceil(rows/8)][depth][8].
     */
    static float[] packRows(NodeContext node, float[] a, int count, int stride, int rows, int depth) {
        int panels = (rows + 7) / 8;
        int whole = rows / 8;
        int ragged = rows % 8;
        float[] packed = new float[Math.multiplyExact(Math.multiplyExact(count, panels), depth * 8)];
        // Rows (depth values, consecutive in a) are the copies' last dimension: CopyKernel gives each work item a
        // run of it, and runs of 8 (a panel's row of one k) made the copies 50 ms of a vit_b_16 run.
        if (whole > 0) {
            Copies.copy(node, a, 0, new int[] {stride, 8 * depth, depth, 1}, packed, 0,
                    new int[] {panels * depth * 8, depth * 8, 1, 8}, new int[] {count, whole, 8, depth}, false);
        }
        if (ragged > 0) {
            Copies.copy(node, a, whole * 8 * depth, new int[] {stride, depth, 1}, packed, whole * depth * 8,
                    new int[] {panels * depth * 8, 1, 8}, new int[] {count, ragged, depth}, whole > 0);
        }
        return packed;
    }

    /**
     * A linear weight [out, in] as B = weightᵀ in 16-column panels: panel p holds columns 16p … 16p + 15 of B for
     * every k, [k][16], zeros past {@code out}.
     */
    static float[] panels(float[] w, int out, int in) {
        int blocks = (out + 15) / 16;
        float[] t = new float[blocks * in * 16];
        for (int o = 0; o < out; o++) {
            int base = (o / 16) * in * 16 + o % 16;
            for (int k = 0; k < in; k++) {
                t[base + k * 16] = w[o * in + k];
            }
        }
        return t;
    }
}
