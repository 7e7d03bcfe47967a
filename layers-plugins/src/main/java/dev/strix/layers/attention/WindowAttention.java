package dev.strix.layers.attention;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.Arrays;
import java.util.List;

/**
 * {@code window_attention}: Swin's (shifted) window multi-head self-attention on x [N,H,W,C], channels last, exactly
 * as torchvision 0.14's {@code shifted_window_attention}: H and W are zero-padded at the bottom and right up to
 * multiples of the window; on a dim where the window covers the whole padded size the shift becomes 0; the map is
 * rolled by −shift, split into windows, each window attends within itself with a learned relative position bias
 * (and, when shifted, −100 on the logits between tokens that came from different regions of the rolled map), then
 * the windows are projected, merged, rolled back and cropped to H×W. Padded tokens are zeros before the qkv
 * projection and, as in torchvision, are attended to.
 *
 * <p>MACs count the padded map of T = N·H'·W' tokens: 4·T·C² for the projections plus 2·T·(wh·ww)·C for the
 * attention products.
 */
public final class WindowAttention implements LayerType {
    public static final String NAME = "window_attention";
    /** torchvision's logit offset between tokens of different shifted regions. */
    private static final double MASKED = -100.0;

    /** The window and the shift actually used on one feature map, after torchvision's padding rule. */
    private record Geometry(int height, int width, int windowH, int windowW, int shiftH, int shiftW) {
        static Geometry of(Shape x, Attributes a) {
            int[] window = LayerChecks.positive("window_size", a.getInts("window_size", 2, 7));
            int[] shift = LayerChecks.nonNegative("shift_size", a.getInts("shift_size", 2, 0));
            for (int i = 0; i < 2; i++) {
                if (shift[i] >= window[i]) {
                    throw new ShapeException("attribute 'shift_size' = " + Arrays.toString(shift)
                            + " must be smaller than window_size " + Arrays.toString(window));
                }
            }
            int h = padded(x.dim(1), window[0]);
            int w = padded(x.dim(2), window[1]);
            return new Geometry(h, w, window[0], window[1], window[0] >= h ? 0 : shift[0],
                    window[1] >= w ? 0 : shift[1]);
        }

        private static int padded(int size, int window) {
            return (size + window - 1) / window * window;
        }

        int tokens() {
            return windowH * windowW;
        }

        int windowsPerImage() {
            return (height / windowH) * (width / windowW);
        }

        boolean shifted() {
            return shiftH + shiftW > 0;
        }

        /**
         * The region of a row (or column) of the rolled map: torchvision labels the last window's rows before the
         * shift boundary and after it apart from everything before. A zero shift gives one region.
         */
        static int region(int position, int size, int window, int shift) {
            if (shift == 0) {
                return 0;
            }
            return position < size - window ? 0 : position < size - shift ? 1 : 2;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Swin (shifted) window attention with relative position bias, channels last";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,H,W,C]");
        Require.heads(a, x, 3, "channel dim");
        Geometry.of(x, a);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int c = inputs.get(0).dim(3);
        int heads = Require.heads(a, inputs.get(0), 3, "channel dim");
        int[] window = LayerChecks.positive("window_size", a.getInts("window_size", 2, 7));
        double bound = 1 / Math.sqrt(c);
        return List.of(
                ParamSpec.weight("qkv.weight", Shape.of(3 * c, c), Init.fanInUniform()),
                ParamSpec.weight("qkv.bias", Shape.of(3 * c), Init.uniform(bound)),
                ParamSpec.weight("proj.weight", Shape.of(c, c), Init.fanInUniform()),
                ParamSpec.weight("proj.bias", Shape.of(c), Init.uniform(bound)),
                ParamSpec.weight("relative_position_bias_table",
                        Shape.of((2 * window[0] - 1) * (2 * window[1] - 1), heads), Init.truncatedNormal(0.02)),
                ParamSpec.index("relative_position_index", RelativePositionIndex.of(window[0], window[1])));
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Shape x = inputs.get(0);
        Geometry g = Geometry.of(x, a);
        long c = x.dim(3);
        long tokens = (long) x.dim(0) * g.height() * g.width();
        return 4 * tokens * c * c + 2 * tokens * g.tokens() * c;
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Shape s = x.shape();
        int heads = call.attributes().getInt("num_heads");
        Geometry g = Geometry.of(s, call.attributes());
        float[] table = call.param("relative_position_bias_table").data();
        long[] index = call.indexParam("relative_position_index").data();
        Tensor y = call.newOutput(0);
        int windows = g.windowsPerImage();
        Parallel.forRange(s.dim(0) * windows,
                job -> window(call, x, y, job / windows, job % windows, g, heads, table, index));
        return List.of(y);
    }

    /** Attends one window of one image and writes the tokens that fall inside H×W back to {@code y}. */
    private static void window(LayerCall call, Tensor x, Tensor y, int image, int window, Geometry g, int heads,
            float[] table, long[] index) {
        Shape s = x.shape();
        int h = s.dim(1);
        int w = s.dim(2);
        int c = s.dim(3);
        int m = g.tokens();
        int windowsW = g.width() / g.windowW();
        int top = (window / windowsW) * g.windowH();
        int left = (window % windowsW) * g.windowW();
        // Token t sits at (top + t / ww, left + t % ww) of the rolled map, i.e. at source[t] of the padded input.
        int[] source = new int[m];
        int[] region = new int[m];
        float[] tokens = new float[m * c];
        for (int t = 0; t < m; t++) {
            int rr = top + t / g.windowW();
            int rc = left + t % g.windowW();
            int row = (rr + g.shiftH()) % g.height();
            int col = (rc + g.shiftW()) % g.width();
            region[t] = 3 * Geometry.region(rr, g.height(), g.windowH(), g.shiftH())
                    + Geometry.region(rc, g.width(), g.windowW(), g.shiftW());
            source[t] = row < h && col < w ? (image * h + row) * w + col : -1;
            if (source[t] >= 0) {
                System.arraycopy(x.data(), source[t] * c, tokens, t * c, c);
            }
        }
        float[] qkv = Projection.apply(tokens, m, c, call.param("qkv.weight").data(), 0, 3 * c,
                call.param("qkv.bias").data(), 0);
        float[] attended = new float[m * c];
        int d = c / heads;
        double scale = 1 / Math.sqrt(d);
        boolean masked = g.shifted();
        for (int head = 0; head < heads; head++) {
            int hd = head;
            ScaledDotProduct.head(new ScaledDotProduct.Columns(qkv, 3 * c, head * d),
                    new ScaledDotProduct.Columns(qkv, 3 * c, c + head * d),
                    new ScaledDotProduct.Columns(qkv, 3 * c, 2 * c + head * d),
                    new ScaledDotProduct.Columns(attended, c, head * d), 0, m, d, scale,
                    (i, j) -> table[(int) index[i * m + j] * heads + hd]
                            + (masked && region[i] != region[j] ? MASKED : 0));
        }
        float[] out = Projection.apply(attended, m, c, call.param("proj.weight").data(), 0, c,
                call.param("proj.bias").data(), 0);
        for (int t = 0; t < m; t++) {
            if (source[t] >= 0) {
                System.arraycopy(out, t * c, y.data(), source[t] * c, c);
            }
        }
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("window 2, no shift", Attributes.builder().put("num_heads", 2).put("window_size", 2)
                        .build(), Shape.of(1, 4, 4, 8)),
                LayerExample.of("window 3, shifted", Attributes.builder().put("num_heads", 2).put("window_size", 3)
                        .put("shift_size", 1).build(), Shape.of(2, 6, 6, 4)),
                LayerExample.of("padded 5x7, window 3x4 shifted", Attributes.builder().put("num_heads", 1)
                        .put("window_size", 3, 4).put("shift_size", 1, 2).build(), Shape.of(1, 5, 7, 4)),
                LayerExample.of("window covers the map", Attributes.builder().put("num_heads", 2)
                        .put("window_size", 7).put("shift_size", 3).build(), Shape.of(1, 5, 6, 4)));
    }
}
