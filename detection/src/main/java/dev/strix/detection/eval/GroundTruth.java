package dev.strix.detection.eval;

import dev.strix.detection.box.Box;
import java.util.Objects;

/**
 * One annotated object.
 *
 * @param image the image it belongs to
 * @param classIndex its class
 * @param box where it is
 * @param difficult VOC's flag: such an object counts neither as found nor as missed
 */
public record GroundTruth(String image, int classIndex, Box box, boolean difficult) {
    public GroundTruth {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(box, "box");
    }

    public static GroundTruth of(String image, int classIndex, Box box) {
        return new GroundTruth(image, classIndex, box, false);
    }
}
