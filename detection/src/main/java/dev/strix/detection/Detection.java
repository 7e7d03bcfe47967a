package dev.strix.detection;

import dev.strix.detection.box.Box;
import java.util.Objects;

/**
 * One detected object.
 *
 * @param className the class's name (from the detector's class names, else {@code class <index>})
 * @param classIndex the class's index in the model's output
 * @param score confidence in [0, 1] for calibrated heads
 * @param box where it is, in pixels of the image
 * @param normalizedBox the same box as fractions (0–1) of the image's width and height
 */
public record Detection(String className, int classIndex, double score, Box box, Box normalizedBox) {

    public Detection {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(normalizedBox, "normalizedBox");
        if (!Double.isFinite(score)) {
            throw new DetectionException("detection of '" + className + "' has a non-finite score " + score);
        }
    }

    /** A detection whose normalised box is {@code box} divided by the image's size. */
    public static Detection of(String className, int classIndex, double score, Box box, int imageWidth,
            int imageHeight) {
        Box normalized = Box.xyxy(box.x1() / imageWidth, box.y1() / imageHeight, box.x2() / imageWidth,
                box.y2() / imageHeight);
        return new Detection(className, classIndex, score, box, normalized);
    }

    /** {@code "dog 0.87"}, as drawn on images. */
    public String label() {
        return className + " " + String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
