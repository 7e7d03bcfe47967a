package dev.strix.detection.image;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.List;

/**
 * Converts between {@link BufferedImage}s and float tensors: RGB order, channels first, values in [0, 1] (each
 * 8-bit sample divided by 255). Alpha is dropped, as PIL's {@code convert("RGB")} does; grey images are replicated
 * into three equal channels from their raw samples (going through {@code getRGB} would apply a colour-space
 * conversion and change the values).
 */
public final class ImageTensors {
    private ImageTensors() {}

    /** The image as a [3, H, W] tensor in [0, 1]. */
    public static Tensor chw(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] out = new float[3 * plane];
        Raster raster = image.getRaster();
        boolean grey = image.getColorModel().getNumColorComponents() == 1 && raster.getNumBands() <= 2
                && image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        if (grey) {
            int bits = image.getColorModel().getComponentSize(0);
            float max = (float) ((1L << bits) - 1);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] / max;
                    int i = y * w + x;
                    out[i] = v;
                    out[plane + i] = v;
                    out[2 * plane + i] = v;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    int i = y * w + x;
                    out[i] = ((p >> 16) & 0xFF) / 255f;
                    out[plane + i] = ((p >> 8) & 0xFF) / 255f;
                    out[2 * plane + i] = (p & 0xFF) / 255f;
                }
            }
        }
        return Tensor.of(out, 3, h, w);
    }

    /** The image as a [1, 3, H, W] batch of one. */
    public static Tensor nchw(BufferedImage image) {
        Tensor t = chw(image);
        return t.reshape(Shape.of(1, 3, image.getHeight(), image.getWidth()));
    }

    /** Stacks [C, H, W] images of one shape into a [N, C, H, W] batch. */
    public static Tensor batch(List<Tensor> images) {
        if (images.isEmpty()) {
            throw new ShapeException("cannot batch zero images");
        }
        Shape first = images.get(0).shape();
        if (first.rank() != 3) {
            throw new ShapeException("batch takes [C,H,W] images, got " + first);
        }
        int n = images.size();
        int size = first.elementCount();
        float[] out = new float[n * size];
        for (int i = 0; i < n; i++) {
            Tensor t = images.get(i);
            if (!t.shape().equals(first)) {
                throw new ShapeException("image " + i + " has shape " + t.shape() + " but image 0 has " + first);
            }
            System.arraycopy(t.data(), 0, out, i * size, size);
        }
        return Tensor.of(out, n, first.dim(0), first.dim(1), first.dim(2));
    }

    /**
     * A [3, H, W] (or [1, 3, H, W]) tensor with values in [0, 1] as an RGB image; values are clamped to [0, 1] and
     * rounded to 8 bits.
     */
    public static BufferedImage toImage(Tensor t) {
        Shape s = t.shape();
        boolean ok = (s.rank() == 3 && s.dim(0) == 3) || (s.rank() == 4 && s.dim(0) == 1 && s.dim(1) == 3);
        if (!ok) {
            throw new ShapeException("toImage takes a [3,H,W] or [1,3,H,W] tensor, got " + s);
        }
        int h = s.dim(-2);
        int w = s.dim(-1);
        int plane = w * h;
        float[] d = t.data();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                row[x] = (byte8(d[i]) << 16) | (byte8(d[plane + i]) << 8) | byte8(d[2 * plane + i]);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static int byte8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
