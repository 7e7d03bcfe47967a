package dev.strix.detection.image;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;

/**
 * Bilinear resizing of [C, H, W] float images with pixel centres at half-integers (PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)}). With {@code antialias} the triangle filter widens by
 * the scale factor when shrinking, as PIL's bilinear resize and {@code interpolate(..., antialias=True)} do, so a
 * large image shrunk a lot averages its pixels instead of skipping them. Both are separable: rows, then columns.
 */
public final class Resize {
    private Resize() {}

    /** {@code image} resized to {@code height × width}. */
    public static Tensor bilinear(Tensor image, int height, int width, boolean antialias) {
        Shape s = chw(image, "resize");
        if (height < 1 || width < 1) {
            throw new ShapeException("resize target must be at least 1×1, got " + height + "×" + width);
        }
        int c = s.dim(0);
        int h = s.dim(1);
        int w = s.dim(2);
        Taps across = Taps.of(w, width, antialias);
        Taps down = Taps.of(h, height, antialias);
        float[] in = image.data();
        float[] mid = new float[c * h * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int src = (ch * h + y) * w;
                int dst = (ch * h + y) * width;
                for (int x = 0; x < width; x++) {
                    mid[dst + x] = across.apply(in, src, 1, x);
                }
            }
        }
        float[] out = new float[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                int dst = (ch * height + y) * width;
                for (int x = 0; x < width; x++) {
                    out[dst + x] = down.apply(mid, ch * h * width + x, width, y);
                }
            }
        }
        return Tensor.of(out, c, height, width);
    }

    /**
     * {@code image} resized so that its shorter side is {@code size} and the aspect ratio is kept, the longer side
     * rounded down as torchvision's {@code Resize(int)} does.
     */
    public static Tensor shorterSide(Tensor image, int size, boolean antialias) {
        Shape s = chw(image, "resize");
        int h = s.dim(1);
        int w = s.dim(2);
        if (w <= h) {
            return bilinear(image, (int) ((long) size * h / w), size, antialias);
        }
        return bilinear(image, size, (int) ((long) size * w / h), antialias);
    }

    static Shape chw(Tensor image, String what) {
        Shape s = image.shape();
        if (s.rank() != 3) {
            throw new ShapeException(what + " takes a [C,H,W] image, got " + s);
        }
        return s;
    }

    /** For each output index along one axis: the first input index it reads and the weights of its taps. */
    private record Taps(int[] start, float[][] weights) {

        static Taps of(int in, int out, boolean antialias) {
            double scale = (double) in / out;
            int[] start = new int[out];
            float[][] weights = new float[out][];
            if (antialias && scale > 1) {
                double support = scale;
                for (int i = 0; i < out; i++) {
                    double centre = scale * (i + 0.5);
                    int lo = Math.max((int) Math.floor(centre - support + 0.5), 0);
                    int hi = Math.min((int) Math.floor(centre + support + 0.5), in);
                    double[] w = new double[hi - lo];
                    double total = 0;
                    for (int j = 0; j < w.length; j++) {
                        w[j] = Math.max(0, 1 - Math.abs((j + lo - centre + 0.5) / scale));
                        total += w[j];
                    }
                    start[i] = lo;
                    weights[i] = new float[w.length];
                    for (int j = 0; j < w.length; j++) {
                        weights[i][j] = (float) (w[j] / total);
                    }
                }
            } else {
                for (int i = 0; i < out; i++) {
                    double src = Math.max(scale * (i + 0.5) - 0.5, 0);
                    int lo = Math.min((int) src, in - 1);
                    float frac = (float) (src - lo);
                    start[i] = lo;
                    weights[i] = lo + 1 < in ? new float[] {1 - frac, frac} : new float[] {1};
                }
            }
            return new Taps(start, weights);
        }

        /** The weighted sum for output {@code i}, reading {@code data[base + k·step]}. */
        float apply(float[] data, int base, int step, int i) {
            float[] w = weights[i];
            int at = base + start[i] * step;
            float sum = 0;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * data[at + k * step];
            }
            return sum;
        }
    }
}
