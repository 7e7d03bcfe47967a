package dev.strix.detection.image;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;

/** Cropping [C, H, W] float images. */
public final class Crop {
    private Crop() {}

    /**
     * The centred {@code height × width} region, its top-left corner placed as torchvision's {@code center_crop}
     * places it: {@code round((H − height) / 2)} with Python's round-half-to-even.
     */
    public static Tensor center(Tensor image, int height, int width) {
        Shape s = Resize.chw(image, "center crop");
        int h = s.dim(1);
        int w = s.dim(2);
        if (height > h || width > w || height < 1 || width < 1) {
            throw new ShapeException("center crop " + height + "×" + width + " does not fit the image " + h + "×" + w);
        }
        int top = (int) Math.rint((h - height) / 2.0);
        int left = (int) Math.rint((w - width) / 2.0);
        return region(image, top, left, height, width);
    }

    /** The region whose top-left corner is ({@code top}, {@code left}); it must lie inside the image. */
    public static Tensor region(Tensor image, int top, int left, int height, int width) {
        Shape s = Resize.chw(image, "crop");
        int c = s.dim(0);
        int h = s.dim(1);
        int w = s.dim(2);
        if (top < 0 || left < 0 || height < 1 || width < 1 || top + height > h || left + width > w) {
            throw new ShapeException("crop of " + height + "×" + width + " at (top " + top + ", left " + left
                    + ") lies outside the image " + h + "×" + w);
        }
        float[] in = image.data();
        float[] out = new float[c * height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(in, (ch * h + top + y) * w + left, out, (ch * height + y) * width, width);
            }
        }
        return Tensor.of(out, c, height, width);
    }
}
