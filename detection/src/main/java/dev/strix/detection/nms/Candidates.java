package dev.strix.detection.nms;

import dev.strix.api.ShapeException;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;

/**
 * Boxes to suppress, packed: box {@code i} is {@code xyxy[4i .. 4i+3]} (corners), with {@code scores[i]} and
 * class {@code classes[i]}. Checked once on construction: equal lengths, finite values, ordered corners and
 * non-negative classes. The arrays are shared, not copied.
 */
public final class Candidates {
    private final float[] xyxy;
    private final float[] scores;
    private final int[] classes;

    private Candidates(float[] xyxy, float[] scores, int[] classes) {
        this.xyxy = xyxy;
        this.scores = scores;
        this.classes = classes;
    }

    /** Candidates after checking them; {@code classes} may be null for a single class 0. */
    public static Candidates of(float[] xyxy, float[] scores, int[] classes) {
        int n = scores.length;
        if (xyxy.length != 4 * n) {
            throw new ShapeException("NMS needs 4 coordinates per score: " + xyxy.length + " coordinates for "
                    + n + " scores");
        }
        int[] cls = classes == null ? new int[n] : classes;
        if (cls.length != n) {
            throw new ShapeException("NMS needs one class per score: " + cls.length + " classes for " + n + " scores");
        }
        Checks.finite("NMS scores", scores);
        for (int i = 0; i < n; i++) {
            int a = 4 * i;
            for (int k = 0; k < 4; k++) {
                if (!Float.isFinite(xyxy[a + k])) {
                    throw new DetectionException("NMS box " + i + " has a non-finite coordinate " + xyxy[a + k]);
                }
            }
            if (xyxy[a + 2] < xyxy[a] || xyxy[a + 3] < xyxy[a + 1]) {
                throw new DetectionException("NMS box " + i + " (" + xyxy[a] + ", " + xyxy[a + 1] + ", "
                        + xyxy[a + 2] + ", " + xyxy[a + 3] + ") has x2 < x1 or y2 < y1");
            }
            if (cls[i] < 0) {
                throw new DetectionException("NMS box " + i + " has a negative class " + cls[i]);
            }
        }
        return new Candidates(xyxy, scores, cls);
    }

    public int size() {
        return scores.length;
    }

    float[] xyxy() {
        return xyxy;
    }

    public float score(int i) {
        return scores[i];
    }

    public int classOf(int i) {
        return classes[i];
    }

    float[] scores() {
        return scores;
    }

    int[] classes() {
        return classes;
    }
}
