package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.RowGatherKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;

/**
 * Swin's shifted window attention (torchvision 0.14's {@code shifted_window_attention}) as five launches: gather the
 * rolled, zero-padded windows into token rows ({@link RowGatherKernel}), the qkv projection, attention within each
 * window with the relative position bias and shift mask folded into one constant logit table, the output
 * projection, and the inverse gather that un-rolls and crops. The tables are computed once on the host.
 */
final class WindowAttentionKernel implements AparapiKernel {
    /** torchvision's logit offset between tokens from different regions of the rolled map. */
    private static final float MASKED = -100f;

    @Override
    public String layerType() {
        return "window_attention";
    }

    @Override
    public void build(NodeContext node) {
        Shape s = node.inputShape(0);
        Attributes a = node.attributes();
        int n = s.dim(0);
        int h = s.dim(1);
        int w = s.dim(2);
        int c = s.dim(3);
        int heads = a.getInt("num_heads");
        int[] window = a.getInts("window_size", 2, 7);
        int[] shift = a.getInts("shift_size", 2, 0);
        int ph = roundUp(h, window[0]);
        int pw = roundUp(w, window[1]);
        int sh = window[0] >= ph ? 0 : shift[0];
        int sw = window[1] >= pw ? 0 : shift[1];
        int m = window[0] * window[1];
        int windowsW = pw / window[1];
        int windows = (ph / window[0]) * windowsW;
        int tokens = n * windows * m;

        // Token t of window v of image i reads padded pixel ((top + t/ww + sh) % ph, (left + t%ww + sw) % pw).
        int[] source = new int[tokens];
        int[] target = new int[n * h * w];
        int[][] region = new int[windows][m];
        for (int i = 0; i < n; i++) {
            for (int v = 0; v < windows; v++) {
                int top = (v / windowsW) * window[0];
                int left = (v % windowsW) * window[1];
                for (int t = 0; t < m; t++) {
                    int rr = top + t / window[1];
                    int rc = left + t % window[1];
                    int row = (rr + sh) % ph;
                    int col = (rc + sw) % pw;
                    int token = (i * windows + v) * m + t;
                    boolean inside = row < h && col < w;
                    source[token] = inside ? (i * h + row) * w + col : -1;
                    if (inside) {
                        target[(i * h + row) * w + col] = token;
                    }
                    region[v][t] = 3 * region(rr, ph, window[0], sh) + region(rc, pw, window[1], sw);
                }
            }
        }
        float[] rows = gather(node, node.input(0), source, c, new float[tokens * c]);
        float[] qkv = new float[tokens * 3 * c];
        Gemms.linear(node, rows, node.param("qkv.weight").data(), node.param("qkv.bias").data(), qkv, tokens, c,
                3 * c);
        float[] bias = logitBias(node, windows, heads, m, region, sh + sw > 0);
        float[] attended = AttentionKernels.attend(node, qkv, n * windows, m, c, heads, bias, windows);
        float[] projected = new float[tokens * c];
        Gemms.linear(node, attended, node.param("proj.weight").data(), node.param("proj.bias").data(), projected,
                tokens, c, c);
        gather(node, projected, target, c, node.output(0));
    }

    /** bias[v, h, i, j] = table[index[i·m + j], h] − 100 where window v's tokens i and j come from different regions. */
    private static float[] logitBias(NodeContext node, int windows, int heads, int m, int[][] region,
            boolean masked) {
        float[] table = node.param("relative_position_bias_table").data();
        long[] index = node.indexParam("relative_position_index").data();
        float[] bias = new float[windows * heads * m * m];
        for (int v = 0; v < windows; v++) {
            for (int hd = 0; hd < heads; hd++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        float b = table[(int) index[i * m + j] * heads + hd];
                        if (masked && region[v][i] != region[v][j]) {
                            b += MASKED;
                        }
                        bias[((v * heads + hd) * m + i) * m + j] = b;
                    }
                }
            }
        }
        return bias;
    }

    /** torchvision's regions of the rolled map along one dim: before the last window, then either side of the shift. */
    private static int region(int position, int size, int window, int shift) {
        if (shift == 0) {
            return 0;
        }
        return position < size - window ? 0 : position < size - shift ? 1 : 2;
    }

    private static float[] gather(NodeContext node, float[] x, int[] rows, int width, float[] y) {
        RowGatherKernel k = new RowGatherKernel();
        k.x = x;
        k.y = y;
        k.rows = rows;
        k.width = width;
        k.n = rows.length * width;
        node.launch(k, k.n).constants(rows).reads(x).writes(y);
        return y;
    }

    private static int roundUp(int size, int multiple) {
        return (size + multiple - 1) / multiple * multiple;
    }
}
