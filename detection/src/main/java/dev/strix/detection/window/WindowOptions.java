package dev.strix.detection.window;

import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.image.Normalization;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How windows are laid over an image.
 *
 * @param windowSizes window (width, height) pairs in image pixels; each window is resized to the model's input.
 *     Empty means one size, the model's input size.
 * @param scales image pyramid: the image is also searched scaled by each factor (1 = as is)
 * @param stride step between windows, in pixels of the (scaled, window-resized) image the model sees — the same
 *     unit as an FCN's output stride, so both detectors place windows alike
 * @param backgroundClass the classifier's "no object" class, or −1
 * @param objectnessThreshold with a background class, a window counts only when its objectness
 *     1 − P(background) exceeds this, in [0, 1]
 * @param logits whether the classifier outputs logits (softmax applied) or probabilities
 * @param normalization applied to every window (ImageNet's by default)
 */
public record WindowOptions(List<int[]> windowSizes, double[] scales, int stride, int backgroundClass,
        double objectnessThreshold, boolean logits, Normalization normalization) {

    public WindowOptions {
        List<int[]> copy = windowSizes.stream().map(int[]::clone).toList();
        for (int[] s : copy) {
            if (s.length != 2 || s[0] < 1 || s[1] < 1) {
                throw new DetectionException("a window size is (width, height), both at least 1, got "
                        + Arrays.toString(s));
            }
        }
        windowSizes = copy;
        if (scales.length == 0) {
            throw new DetectionException("the image pyramid needs at least one scale");
        }
        for (double s : scales) {
            Checks.positive("pyramid scale", s);
        }
        scales = scales.clone();
        Checks.positive("window stride", stride);
        Checks.unitInterval("objectness threshold", objectnessThreshold);
        Objects.requireNonNull(normalization, "normalization");
    }

    /** The model's input size, scale 1, the given stride, no background class, logits, ImageNet statistics. */
    public static WindowOptions stride(int stride) {
        return new WindowOptions(List.of(), new double[] {1}, stride, -1, 0, true, Normalization.IMAGENET);
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    public WindowOptions withWindowSizes(List<int[]> sizes) {
        return new WindowOptions(sizes, scales, stride, backgroundClass, objectnessThreshold, logits, normalization);
    }

    public WindowOptions withScales(double... s) {
        return new WindowOptions(windowSizes, s, stride, backgroundClass, objectnessThreshold, logits, normalization);
    }

    public WindowOptions withBackgroundClass(int c) {
        return new WindowOptions(windowSizes, scales, stride, c, objectnessThreshold, logits, normalization);
    }

    public WindowOptions withObjectnessThreshold(double t) {
        return new WindowOptions(windowSizes, scales, stride, backgroundClass, t, logits, normalization);
    }

    public WindowOptions withLogits(boolean l) {
        return new WindowOptions(windowSizes, scales, stride, backgroundClass, objectnessThreshold, l, normalization);
    }

    public WindowOptions withNormalization(Normalization n) {
        return new WindowOptions(windowSizes, scales, stride, backgroundClass, objectnessThreshold, logits, n);
    }

    /**
     * The factors (x, y) by which the image is resized for each window size and pyramid scale, so that a window
     * becomes the model's {@code inputWidth × inputHeight}.
     */
    public List<double[]> resizeFactors(int inputWidth, int inputHeight) {
        List<int[]> sizes = windowSizes.isEmpty() ? List.of(new int[] {inputWidth, inputHeight}) : windowSizes;
        List<double[]> out = new java.util.ArrayList<>();
        for (int[] size : sizes) {
            for (double s : scales) {
                out.add(new double[] {s * inputWidth / size[0], s * inputHeight / size[1]});
            }
        }
        return out;
    }
}
