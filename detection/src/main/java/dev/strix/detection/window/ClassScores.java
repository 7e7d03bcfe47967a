package dev.strix.detection.window;

import dev.strix.detection.DetectionException;

/**
 * Picks a classifier's answer for one window: the best class other than the background class, with its
 * probability (softmax over all classes first when the model outputs logits).
 *
 * @param classes number of classes the classifier outputs
 * @param backgroundClass the "no object" class, or −1 when there is none
 * @param logits whether outputs are logits (softmax applied) or already probabilities
 */
public record ClassScores(int classes, int backgroundClass, boolean logits) {

    public ClassScores {
        if (classes < 1) {
            throw new DetectionException("a classifier needs at least one class, got " + classes);
        }
        if (backgroundClass < -1 || backgroundClass >= classes) {
            throw new DetectionException("background class " + backgroundClass + " is not one of the " + classes
                    + " classes (use -1 for none)");
        }
        if (backgroundClass >= 0 && classes < 2) {
            throw new DetectionException("a classifier whose only class is the background finds nothing");
        }
    }

    /**
     * Best non-background class of the scores {@code v[from + k·step]} (k over the classes): returns its index,
     * writes its probability to {@code probability[0]} and, when {@code probability} has room, the window's
     * objectness 1 − P(background) to {@code probability[1]} (1 without a background class).
     */
    public int best(float[] v, int from, int step, double[] probability) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            float x = v[from + k * step];
            if (!Float.isFinite(x)) {
                throw new DetectionException("classifier output has a non-finite score " + x + " for class " + k);
            }
            max = Math.max(max, x);
        }
        double sum = 0;
        if (logits) {
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(v[from + k * step] - max);
            }
        }
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            if (k == backgroundClass) {
                continue;
            }
            double x = v[from + k * step];
            if (x > bestValue) {
                bestValue = x;
                best = k;
            }
        }
        probability[0] = logits ? Math.exp(bestValue - max) / sum : bestValue;
        if (probability.length > 1) {
            double background = backgroundClass < 0 ? 0 : logits
                    ? Math.exp(v[from + backgroundClass * step] - max) / sum : v[from + backgroundClass * step];
            probability[1] = 1 - background;
        }
        return best;
    }
}
