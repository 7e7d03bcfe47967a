package dev.strix.detection.image;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import java.util.Arrays;

/**
 * Letterboxing as YOLO models expect their input: the image is scaled by one factor to fit
 * {@code targetWidth × targetHeight} with its aspect ratio kept, and the rest is padded evenly on both sides with a
 * constant (YOLOv5 uses grey 114/255). This record keeps the geometry, so boxes predicted on the letterboxed
 * image map back to the original with {@link #toOriginalX} / {@link #toOriginalY}.
 *
 * @param sourceWidth width of the original image
 * @param sourceHeight height of the original image
 * @param targetWidth width of the letterboxed image
 * @param targetHeight height of the letterboxed image
 * @param resizedWidth width of the scaled image inside the box
 * @param resizedHeight height of the scaled image inside the box
 * @param padLeft columns of padding left of the image
 * @param padTop rows of padding above it
 */
public record Letterbox(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, int resizedWidth,
        int resizedHeight, int padLeft, int padTop) {

    /** YOLOv5's padding grey, 114/255. */
    public static final float YOLO_GREY = 114f / 255f;

    /**
     * The geometry for fitting a {@code sourceWidth × sourceHeight} image into {@code targetWidth × targetHeight}:
     * ratio {@code r = min(tw/w, th/h)} (capped at 1 unless {@code upscale}), scaled size {@code round(w·r)} ×
     * {@code round(h·r)} and padding split as YOLOv5 splits it ({@code round(d/2 ∓ 0.1)}, so an odd remainder puts
     * the extra pixel right and below).
     */
    public static Letterbox fit(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
            boolean upscale) {
        if (sourceWidth < 1 || sourceHeight < 1 || targetWidth < 1 || targetHeight < 1) {
            throw new ShapeException("letterbox needs positive sizes, got source " + sourceWidth + "×" + sourceHeight
                    + " and target " + targetWidth + "×" + targetHeight);
        }
        double r = Math.min((double) targetWidth / sourceWidth, (double) targetHeight / sourceHeight);
        if (!upscale) {
            r = Math.min(r, 1.0);
        }
        int rw = Math.max(1, Math.min(targetWidth, (int) Math.rint(sourceWidth * r)));
        int rh = Math.max(1, Math.min(targetHeight, (int) Math.rint(sourceHeight * r)));
        int left = (int) Math.rint((targetWidth - rw) / 2.0 - 0.1);
        int top = (int) Math.rint((targetHeight - rh) / 2.0 - 0.1);
        return new Letterbox(sourceWidth, sourceHeight, targetWidth, targetHeight, rw, rh, left, top);
    }

    /** Scales {@code image} ([C, H, W] matching the source size) bilinearly and pads it with {@code padValue}. */
    public Tensor apply(Tensor image, float padValue) {
        Shape s = Resize.chw(image, "letterbox");
        if (s.dim(1) != sourceHeight || s.dim(2) != sourceWidth) {
            throw new ShapeException("letterbox was fitted to a " + sourceWidth + "×" + sourceHeight
                    + " image but got " + s.dim(2) + "×" + s.dim(1));
        }
        Tensor scaled = (resizedWidth == sourceWidth && resizedHeight == sourceHeight)
                ? image : Resize.bilinear(image, resizedHeight, resizedWidth, false);
        int c = s.dim(0);
        float[] out = new float[c * targetHeight * targetWidth];
        Arrays.fill(out, padValue);
        float[] in = scaled.data();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < resizedHeight; y++) {
                System.arraycopy(in, (ch * resizedHeight + y) * resizedWidth, out,
                        (ch * targetHeight + padTop + y) * targetWidth + padLeft, resizedWidth);
            }
        }
        return Tensor.of(out, c, targetHeight, targetWidth);
    }

    /** An x coordinate on the letterboxed image mapped to the original image (not clipped). */
    public double toOriginalX(double x) {
        return (x - padLeft) * sourceWidth / resizedWidth;
    }

    /** A y coordinate on the letterboxed image mapped to the original image (not clipped). */
    public double toOriginalY(double y) {
        return (y - padTop) * sourceHeight / resizedHeight;
    }

    /** An x coordinate on the original image mapped into the letterboxed image. */
    public double toLetterboxX(double x) {
        return x * resizedWidth / sourceWidth + padLeft;
    }

    /** A y coordinate on the original image mapped into the letterboxed image. */
    public double toLetterboxY(double y) {
        return y * resizedHeight / sourceHeight + padTop;
    }
}
