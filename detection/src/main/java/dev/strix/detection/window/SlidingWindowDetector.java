package dev.strix.detection.window;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Session;
import dev.strix.detection.ClassNames;
import dev.strix.detection.Detection;
import dev.strix.detection.DetectionException;
import dev.strix.detection.Detections;
import dev.strix.detection.image.ImageTensors;
import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.Nms;
import dev.strix.detection.nms.NmsOptions;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Slides a classifier over an image: at every pyramid level the image is resized so that a window becomes the
 * model's input, windows are cut at the stride, packed B at a time into the session's [B, 3, h, w] input (the
 * last batch padded with zeros whose outputs are ignored), and each window's best non-background class becomes a
 * candidate box when its probability exceeds the score threshold. Suppression follows.
 *
 * <p>Works with any classification session whose output is [B, K]. The session is the caller's: this class does
 * not close it.
 */
public final class SlidingWindowDetector {
    private final Session session;
    private final WindowOptions options;
    private final NmsOptions nms;
    private final ClassNames names;
    private final ClassScores scores;
    private final int batch;
    private final int inputWidth;
    private final int inputHeight;

    public SlidingWindowDetector(Session classifier, WindowOptions options, NmsOptions nms, ClassNames names) {
        this.session = Objects.requireNonNull(classifier, "classifier");
        this.options = Objects.requireNonNull(options, "options");
        this.nms = Objects.requireNonNull(nms, "nms");
        this.names = Objects.requireNonNull(names, "names");
        if (classifier.graph().inputs().size() != 1 || classifier.graph().outputs().size() != 1) {
            throw new DetectionException("sliding windows need a classifier with one input and one output");
        }
        Shape in = classifier.graph().inputs().get(0).shape();
        Shape out = classifier.graph().outputs().get(0).shape();
        if (in.rank() != 4 || in.dim(1) != 3) {
            throw new DetectionException("sliding windows need a classifier input [B, 3, H, W], got " + in);
        }
        if (out.rank() != 2 || out.dim(0) != in.dim(0)) {
            throw new DetectionException("sliding windows need a classifier output [B, K] (one score per class), "
                    + "got " + out + " for input " + in);
        }
        this.batch = in.dim(0);
        this.inputHeight = in.dim(2);
        this.inputWidth = in.dim(3);
        this.scores = new ClassScores(out.dim(1), options.backgroundClass(), options.logits());
    }

    /** The objects in {@code image}, highest score first. */
    public List<Detection> detect(BufferedImage image) {
        Candidates c = candidates(ImageTensors.chw(image));
        return Detections.of(c, Nms.suppress(c, nms), names, image.getWidth(), image.getHeight());
    }

    /** Every window scoring above the threshold, boxes in pixels of {@code chw} ([3, H, W] in [0, 1]). */
    public Candidates candidates(Tensor chw) {
        Candidates.Builder out = Candidates.builder();
        int plane = inputWidth * inputHeight;
        float[] input = new float[batch * 3 * plane];
        int[][] placed = new int[batch][];
        double[] p = new double[2];
        for (double[] f : options.resizeFactors(inputWidth, inputHeight)) {
            Pyramid level = Pyramid.level(chw, f[0], f[1], options.normalization());
            int filled = 0;
            for (int y = 0; y + inputHeight <= level.height(); y += options.stride()) {
                for (int x = 0; x + inputWidth <= level.width(); x += options.stride()) {
                    copyWindow(level, x, y, input, filled * 3 * plane);
                    placed[filled++] = new int[] {x, y};
                    if (filled == batch) {
                        score(input, placed, filled, level, p, out);
                        filled = 0;
                    }
                }
            }
            if (filled > 0) {
                java.util.Arrays.fill(input, filled * 3 * plane, input.length, 0f);
                score(input, placed, filled, level, p, out);
            }
        }
        return out.build();
    }

    private void copyWindow(Pyramid level, int x, int y, float[] input, int offset) {
        float[] src = level.image().data();
        int w = level.width();
        int h = level.height();
        for (int c = 0; c < 3; c++) {
            for (int row = 0; row < inputHeight; row++) {
                System.arraycopy(src, (c * h + y + row) * w + x, input,
                        offset + (c * inputHeight + row) * inputWidth, inputWidth);
            }
        }
    }

    private void score(float[] input, int[][] placed, int filled, Pyramid level, double[] p,
            Candidates.Builder out) {
        Tensor logits = session.run(List.of(Tensor.of(input, batch, 3, inputHeight, inputWidth))).get(0);
        int k = scores.classes();
        for (int i = 0; i < filled; i++) {
            int best = scores.best(logits.data(), i * k, 1, p);
            if (p[0] > nms.scoreThreshold() && p[1] > options.objectnessThreshold()) {
                int x = placed[i][0];
                int y = placed[i][1];
                out.add(x / level.fx(), y / level.fy(), Math.min(chwWidth(level), (x + inputWidth) / level.fx()),
                        Math.min(chwHeight(level), (y + inputHeight) / level.fy()), p[0], best);
            }
        }
    }

    private static double chwWidth(Pyramid level) {
        return level.width() / level.fx();
    }

    private static double chwHeight(Pyramid level) {
        return level.height() / level.fy();
    }
}
