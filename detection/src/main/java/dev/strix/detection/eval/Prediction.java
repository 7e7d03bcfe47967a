package dev.strix.detection.eval;

import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import java.util.Objects;

/** One detection to be scored: image, class, confidence (finite) and box. */
public record Prediction(String image, int classIndex, double score, Box box) {
    public Prediction {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(box, "box");
        if (!Double.isFinite(score)) {
            throw new DetectionException("prediction on image '" + image + "' has a non-finite score " + score);
        }
    }
}
