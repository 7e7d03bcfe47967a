package dev.strix.detection.window;

import dev.strix.api.Tensor;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.image.Resize;

/** One level of an image pyramid: the image resized by (fx, fy) and normalised, as both window detectors see it. */
public record Pyramid(Tensor image, double fx, double fy) {

    /**
     * {@code chw} ([3, H, W] in [0, 1]) resized to {@code round(W·fx) × round(H·fy)} (antialiased when shrinking)
     * and normalised.
     */
    public static Pyramid level(Tensor chw, double fx, double fy, Normalization normalization) {
        int h = chw.shape().dim(1);
        int w = chw.shape().dim(2);
        int sw = Math.max(1, (int) Math.round(w * fx));
        int sh = Math.max(1, (int) Math.round(h * fy));
        Tensor scaled = sw == w && sh == h ? chw : Resize.bilinear(chw, sh, sw, true);
        return new Pyramid(normalization.apply(scaled), (double) sw / w, (double) sh / h);
    }

    public int width() {
        return image.shape().dim(2);
    }

    public int height() {
        return image.shape().dim(1);
    }
}
