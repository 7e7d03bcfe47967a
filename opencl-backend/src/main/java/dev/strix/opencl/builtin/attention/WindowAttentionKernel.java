package dev.strix.opencl.builtin.attention;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * window_attention (Swin) on the device: gather the (rolled, zero-padded) windows into token rows, project q, k, v
 * with one GEMM, per window and head the scores as a batched GEMM, softmax with the relative position bias and the
 * shifted-window mask added ({@code attention/window_attention.cl}), the values product, the output projection,
 * and scatter back to [N,H,W,C]. The bias [heads, m, m] and the mask [windows, m, m] are built once at compile
 * time from the layer's table, index and geometry, exactly as the layer's reference forward applies them.
 */
public final class WindowAttentionKernel implements OpenClKernel {
    /** torchvision's logit offset between tokens from different regions of a shifted map. */
    private static final float MASKED = -100f;

    @Override
    public String layerType() {
        return "window_attention";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int n = x.dim(0);
        int h = x.dim(1);
        int w = x.dim(2);
        int c = x.dim(3);
        int heads = ctx.attributes().getInt("num_heads");
        int[] window = ctx.attributes().getInts("window_size", 2, 7);
        int[] shift = ctx.attributes().getInts("shift_size", 2, 0);
        int hp = (h + window[0] - 1) / window[0] * window[0];
        int wp = (w + window[1] - 1) / window[1] * window[1];
        // torchvision: a window that covers the whole padded dimension is not shifted along it.
        int sh = window[0] >= hp ? 0 : shift[0];
        int sw = window[1] >= wp ? 0 : shift[1];
        int m = window[0] * window[1];
        int windows = (hp / window[0]) * (wp / window[1]);
        int batch = n * windows;
        int rows = batch * m;
        int d = c / heads;
        boolean masked = sh + sw > 0;

        ClBuffer qkvWeight = ctx.constant("qkv.weight", Gemm.transpose(ctx.param("qkv.weight").data(), 3 * c, c));
        ClBuffer qkvBias = ctx.constant("qkv.bias", ctx.param("qkv.bias").data());
        ClBuffer projWeight = ctx.constant("proj.weight", Gemm.transpose(ctx.param("proj.weight").data(), c, c));
        ClBuffer projBias = ctx.constant("proj.bias", ctx.param("proj.bias").data());
        ClBuffer bias = ctx.constant("relative_position_bias", relativeBias(
                ctx.param("relative_position_bias_table").data(), ctx.indexParam("relative_position_index").data(),
                heads, m));
        ClBuffer mask = masked ? ctx.constant("shift_mask", shiftMask(hp, wp, window, sh, sw)) : bias;

        Gemm qkvProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.PER_COLUMN, Epilogue.NONE, rows, 3 * c, c);
        Gemm projProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.PER_COLUMN, Epilogue.NONE, rows, c, c);
        Gemm scoresProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.NONE, Epilogue.NONE, d);
        Gemm valuesProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.NONE, Epilogue.NONE, m);
        Defines defines = Defines.of().set("MASKED", masked ? 1 : 0).setFloat("SCALE", 1 / Math.sqrt(d));
        ClKernel gather = ctx.kernel("attention/window_attention", "window_gather", defines);
        ClKernel softmax = ctx.kernel("attention/window_attention", "window_softmax", defines);
        ClKernel scatter = ctx.kernel("attention/window_attention", "window_scatter", defines);
        ClKernel transpose = ctx.kernel("attention/transpose", "transpose", Defines.of());
        int tokens = ctx.scratch((long) rows * c);
        int qkv = ctx.scratch((long) rows * 3 * c);
        int kt = ctx.scratch((long) batch * c * m);
        int scores = ctx.scratch((long) batch * heads * m * m);
        int attended = ctx.scratch((long) rows * c);
        int gwg = Launches.group(gather, ctx);
        int swg = Launches.group(softmax, ctx);
        int cwg = Launches.group(scatter, ctx);
        int twg = Launches.group(transpose, ctx);
        int batches = batch * heads;
        int[] geometry = {h, w, c, hp, wp, window[0], window[1], sh, sw};
        return io -> {
            ClBuffer tok = io.scratch(tokens);
            ClBuffer q = io.scratch(qkv);
            gather.arg(0, io.input(0)).arg(1, tok).ints(2, geometry);
            io.launch(gather, new long[] {Launches.roundUp(m, gwg), batch}, new long[] {gwg, 1});
            qkvProduct.enqueue(io, rows, 3 * c, c, tok, Operand.of(c), qkvWeight, Operand.of(3 * c), q,
                    Operand.of(3 * c), 1, 1, qkvBias, 0, null);
            transpose.arg(0, q).arg(1, io.scratch(kt)).ints(2, m, d, c, 3 * c, m * 3 * c, d, heads);
            io.launch(transpose, new long[] {Launches.roundUp((long) m * d, twg), batches}, new long[] {twg, 1});
            scoresProduct.enqueue(io, m, m, d, q, new Operand(0, 3 * c, m * 3 * c, d), io.scratch(kt),
                    new Operand(0, m, heads * d * m, d * m), io.scratch(scores),
                    new Operand(0, m, heads * m * m, m * m), batches, heads, null, 0, null);
            softmax.arg(0, io.scratch(scores)).arg(1, bias).arg(2, mask).ints(3, batches * m, m, heads, windows);
            io.launch(softmax, new long[] {Launches.roundUp((long) batches * m, swg)}, new long[] {swg});
            valuesProduct.enqueue(io, m, d, m, io.scratch(scores), new Operand(0, m, heads * m * m, m * m), q,
                    new Operand(2 * c, 3 * c, m * 3 * c, d), io.scratch(attended), new Operand(0, c, m * c, d),
                    batches, heads, null, 0, null);
            projProduct.enqueue(io, rows, c, c, io.scratch(attended), Operand.of(c), projWeight, Operand.of(c), tok,
                    Operand.of(c), 1, 1, projBias, 0, null);
            scatter.arg(0, tok).arg(1, io.output(0)).ints(2, geometry);
            io.launch(scatter, new long[] {Launches.roundUp((long) h * w, cwg), n}, new long[] {cwg, 1});
        };
    }

    /** bias[h][i][j] = table[index[i·m + j]][h]. */
    static float[] relativeBias(float[] table, long[] index, int heads, int m) {
        float[] bias = new float[heads * m * m];
        for (int h = 0; h < heads; h++) {
            for (int ij = 0; ij < m * m; ij++) {
                bias[h * m * m + ij] = table[(int) index[ij] * heads + h];
            }
        }
        return bias;
    }

    /**
     * mask[window][i][j] = −100 where tokens i and j of the window came from different regions of the rolled map,
     * else 0; torchvision labels the rows (and columns) of the last window before and after the shift boundary
     * apart from all others.
     */
    static float[] shiftMask(int hp, int wp, int[] window, int sh, int sw) {
        int m = window[0] * window[1];
        int windowsW = wp / window[1];
        int windows = (hp / window[0]) * windowsW;
        float[] mask = new float[windows * m * m];
        int[] region = new int[m];
        for (int win = 0; win < windows; win++) {
            for (int t = 0; t < m; t++) {
                int rr = (win / windowsW) * window[0] + t / window[1];
                int rc = (win % windowsW) * window[1] + t % window[1];
                region[t] = 3 * region(rr, hp, window[0], sh) + region(rc, wp, window[1], sw);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    mask[(win * m + i) * m + j] = region[i] == region[j] ? 0f : MASKED;
                }
            }
        }
        return mask;
    }

    private static int region(int position, int size, int window, int shift) {
        if (shift == 0) {
            return 0;
        }
        return position < size - window ? 0 : position < size - shift ? 1 : 2;
    }
}
