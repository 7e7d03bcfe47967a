package dev.strix.detection.nms;

import dev.strix.api.ShapeException;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import java.util.Arrays;

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

    /** The packed corners, shared: treat as read-only. */
    public float[] xyxy() {
        return xyxy;
    }

    /** Box {@code i}. */
    public Box box(int i) {
        int a = 4 * i;
        return Box.xyxy(xyxy[a], xyxy[a + 1], xyxy[a + 2], xyxy[a + 3]);
    }

    public float score(int i) {
        return scores[i];
    }

    public int classOf(int i) {
        return classes[i];
    }

    /** The scores, shared: treat as read-only. */
    public float[] scores() {
        return scores;
    }

    /** The classes, shared: treat as read-only. */
    public int[] classes() {
        return classes;
    }

    /** A growable list of candidates, checked when built. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects candidates one by one (decoders add thousands; arrays grow by doubling). */
    public static final class Builder {
        private float[] xyxy = new float[64];
        private float[] scores = new float[16];
        private int[] classes = new int[16];
        private int n;

        private Builder() {}

        /** Adds a box by its corners with its score and class. */
        public Builder add(double x1, double y1, double x2, double y2, double score, int classIndex) {
            if (n == scores.length) {
                xyxy = Arrays.copyOf(xyxy, 8 * n);
                scores = Arrays.copyOf(scores, 2 * n);
                classes = Arrays.copyOf(classes, 2 * n);
            }
            int a = 4 * n;
            xyxy[a] = (float) x1;
            xyxy[a + 1] = (float) y1;
            xyxy[a + 2] = (float) x2;
            xyxy[a + 3] = (float) y2;
            scores[n] = (float) score;
            classes[n++] = classIndex;
            return this;
        }

        /** Adds a box by its centre and size. */
        public Builder addCenter(double cx, double cy, double w, double h, double score, int classIndex) {
            return add(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score, classIndex);
        }

        public int size() {
            return n;
        }

        /** The candidates collected, checked as {@link Candidates#of} checks them. */
        public Candidates build() {
            return of(Arrays.copyOf(xyxy, 4 * n), Arrays.copyOf(scores, n),
                    Arrays.copyOf(classes, n));
        }
    }
}
