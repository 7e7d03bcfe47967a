package dev.strix.detection.nms;

import dev.strix.detection.Checks;
import java.util.Objects;

/**
 * Settings of one suppression. Candidates scoring at most {@code scoreThreshold} are dropped first (and, with
 * soft-NMS, whenever their decayed score falls to it); a candidate is suppressed when its IoU with a kept one is
 * greater than {@code iouThreshold}.
 *
 * @param method greedy or soft (linear, Gaussian)
 * @param iouThreshold in [0, 1]
 * @param scoreThreshold in [0, 1]
 * @param classAware suppress only within a class (true), or across all classes (false)
 * @param maxPerClass keep at most this many per class (per the whole set when class-agnostic)
 * @param maxDetections keep at most this many overall, the highest scores
 * @param sigma the Gaussian soft-NMS spread σ (positive)
 */
public record NmsOptions(NmsMethod method, double iouThreshold, double scoreThreshold, boolean classAware,
        int maxPerClass, int maxDetections, double sigma) {

    public NmsOptions {
        Objects.requireNonNull(method, "method");
        Checks.unitInterval("IoU threshold", iouThreshold);
        Checks.unitInterval("score threshold", scoreThreshold);
        Checks.positive("maximum detections per class", maxPerClass);
        Checks.positive("maximum detections", maxDetections);
        Checks.positive("soft-NMS sigma", sigma);
    }

    /** Greedy, class-aware, IoU 0.45, score 0.25, no top-k limits: YOLOv5's detect.py defaults. */
    public static NmsOptions defaults() {
        return new NmsOptions(NmsMethod.GREEDY, 0.45, 0.25, true, Integer.MAX_VALUE, Integer.MAX_VALUE, 0.5);
    }

    public NmsOptions withMethod(NmsMethod m) {
        return new NmsOptions(m, iouThreshold, scoreThreshold, classAware, maxPerClass, maxDetections, sigma);
    }

    public NmsOptions withIouThreshold(double t) {
        return new NmsOptions(method, t, scoreThreshold, classAware, maxPerClass, maxDetections, sigma);
    }

    public NmsOptions withScoreThreshold(double t) {
        return new NmsOptions(method, iouThreshold, t, classAware, maxPerClass, maxDetections, sigma);
    }

    public NmsOptions withClassAware(boolean aware) {
        return new NmsOptions(method, iouThreshold, scoreThreshold, aware, maxPerClass, maxDetections, sigma);
    }

    public NmsOptions withMaxPerClass(int k) {
        return new NmsOptions(method, iouThreshold, scoreThreshold, classAware, k, maxDetections, sigma);
    }

    public NmsOptions withMaxDetections(int k) {
        return new NmsOptions(method, iouThreshold, scoreThreshold, classAware, maxPerClass, k, sigma);
    }

    public NmsOptions withSigma(double s) {
        return new NmsOptions(method, iouThreshold, scoreThreshold, classAware, maxPerClass, maxDetections, s);
    }
}
