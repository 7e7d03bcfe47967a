package dev.strix.detection.image;

import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import java.util.Arrays;

/**
 * Per-channel mean/std normalisation of an image tensor whose values are in [0, 1]: {@code (x − mean[c]) / std[c]}.
 * The ImageNet figures every torchvision classifier was trained with live here and nowhere else.
 */
public record Normalization(float[] mean, float[] std) {
    /** torchvision's ImageNet statistics, RGB order. */
    public static final Normalization IMAGENET =
            new Normalization(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    /** No normalisation: values stay in [0, 1] (what YOLO models take). */
    public static final Normalization NONE = new Normalization(new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});

    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new ShapeException("normalisation needs one mean and one std per channel, got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        for (float s : std) {
            if (!(s > 0) || Float.isInfinite(s)) {
                throw new ShapeException("normalisation std must be positive and finite, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** A normalised copy of {@code image}, [C,H,W] or [N,C,H,W] with C equal to the number of channels here. */
    public Tensor apply(Tensor image) {
        int rank = image.shape().rank();
        if (rank != 3 && rank != 4) {
            throw new ShapeException("normalisation takes a [C,H,W] or [N,C,H,W] image, got " + image.shape());
        }
        int c = image.shape().dim(rank - 3);
        if (c != mean.length) {
            throw new ShapeException("normalisation has " + mean.length + " channels but the image has " + c
                    + " (shape " + image.shape() + ")");
        }
        int plane = image.shape().dim(-1) * image.shape().dim(-2);
        float[] in = image.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int ch = (i / plane) % c;
            out[i] = (in[i] - mean[ch]) / std[ch];
        }
        return Tensor.of(image.shape(), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization(mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
    }
}
