package dev.strix.detection.image;

import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import java.awt.image.BufferedImage;

/**
 * The classification preprocessing torchvision's ImageNet weights expect, in one call: shorter side resized to
 * {@code resize} (bilinear, antialiased as PIL does), centre crop {@code crop × crop}, scaled to [0, 1] and
 * normalised; the result is a [1, 3, crop, crop] tensor in RGB order.
 *
 * @param resize the shorter side after resizing (256 by default)
 * @param crop the side of the centre crop (224 by default)
 * @param normalization mean and std per channel ({@link Normalization#IMAGENET} by default)
 * @param antialias whether shrinking averages pixels as PIL does (true by default)
 */
public record ImagenetPreprocess(int resize, int crop, Normalization normalization, boolean antialias) {

    public ImagenetPreprocess {
        if (crop < 1 || resize < crop) {
            throw new ShapeException("preprocessing needs 1 <= crop <= resize, got resize " + resize + ", crop " + crop);
        }
    }

    /** 256 → 224 with ImageNet statistics. */
    public static ImagenetPreprocess defaults() {
        return new ImagenetPreprocess(256, 224, Normalization.IMAGENET, true);
    }

    /** Crop {@code crop} after resizing to {@code round(crop · 256 / 224)}, torchvision's usual ratio. */
    public static ImagenetPreprocess forCrop(int crop) {
        return new ImagenetPreprocess((int) Math.round(crop * 256.0 / 224.0), crop, Normalization.IMAGENET, true);
    }

    /** {@code image} as a normalised [1, 3, crop, crop] tensor. */
    public Tensor apply(BufferedImage image) {
        return applyChw(ImageTensors.chw(image));
    }

    /** A [3, H, W] tensor in [0, 1] as a normalised [1, 3, crop, crop] tensor. */
    public Tensor applyChw(Tensor chw) {
        Tensor resized = Resize.shorterSide(chw, resize, antialias);
        Tensor cropped = Crop.center(resized, crop, crop);
        Tensor normalised = normalization.apply(cropped);
        return normalised.reshape(dev.strix.api.Shape.of(1, 3, crop, crop));
    }
}
