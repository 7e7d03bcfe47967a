package dev.strix.detection.head;

import dev.strix.api.Tensor;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.nms.Candidates;
import java.util.List;

/**
 * YOLOv1's grid output: S×S cells, each predicting B boxes (x, y relative to the cell, w, h relative to the image,
 * and a confidence) and C class probabilities shared by the cell. A box's score for its best class is
 * confidence × class probability.
 *
 * @param grid S
 * @param boxes B
 * @param classes C
 * @param layout how the S·S·(B·5 + C) values are ordered
 * @param sqrtSize whether w and h are predicted as square roots (Darknet's {@code sqrt=1}), squared here
 */
public record YoloV1Decoder(int grid, int boxes, int classes, Layout layout, boolean sqrtSize)
        implements HeadDecoder {

    /** Orderings of the flat output vector. */
    public enum Layout {
        /**
         * Darknet's detection layer: all S·S·C class probabilities (cell-major), then the S·S·B confidences, then
         * the S·S·B·4 coordinates (REFERENCE.md: 980, 98, 392 for S = 7, B = 2, C = 20).
         */
        DARKNET,
        /**
         * Cell by cell, [S, S, B·5 + C]: for each cell B × (x, y, w, h, confidence) then the C class
         * probabilities, as most PyTorch re-implementations lay it out.
         */
        CELL
    }

    /** YOLOv1 on VOC: S = 7, B = 2, C = 20, Darknet ordering, square-root sizes. */
    public static YoloV1Decoder voc() {
        return new YoloV1Decoder(7, 2, 20, Layout.DARKNET, true);
    }

    public YoloV1Decoder {
        Checks.positive("grid size", grid);
        Checks.positive("boxes per cell", boxes);
        Checks.positive("classes", classes);
        java.util.Objects.requireNonNull(layout, "layout");
    }

    @Override
    public String name() {
        return "yolov1";
    }

    @Override
    public Candidates decode(List<Tensor> outputs, int inputWidth, int inputHeight, double scoreThreshold) {
        Checks.unitInterval("score threshold", scoreThreshold);
        Tensor t = Outputs.single(name(), outputs);
        float[] v = t.data();
        int cells = grid * grid;
        int expected = cells * (boxes * 5 + classes);
        if (v.length != expected) {
            throw new DetectionException("yolov1 with S=" + grid + ", B=" + boxes + ", C=" + classes + " expects "
                    + grid + "×" + grid + "×" + (boxes * 5 + classes) + " = " + expected + " values, got "
                    + t.shape());
        }
        Candidates.Builder out = Candidates.builder();
        for (int cell = 0; cell < cells; cell++) {
            int row = cell / grid;
            int col = cell % grid;
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (v[classIndex(cell, k)] > v[classIndex(cell, best)]) {
                    best = k;
                }
            }
            double classProb = v[classIndex(cell, best)];
            for (int b = 0; b < boxes; b++) {
                double score = v[confidenceIndex(cell, b)] * classProb;
                if (!(score > scoreThreshold)) {
                    continue;
                }
                int c = coordIndex(cell, b);
                double w = sqrtSize ? v[c + 2] * v[c + 2] : v[c + 2];
                double h = sqrtSize ? v[c + 3] * v[c + 3] : v[c + 3];
                Outputs.nonNegativeSize(name(), "cell " + cell + " box " + b, w, h);
                double cx = (v[c] + col) / grid * inputWidth;
                double cy = (v[c + 1] + row) / grid * inputHeight;
                out.addCenter(cx, cy, w * inputWidth, h * inputHeight, score, best);
            }
        }
        return out.build();
    }

    private int classIndex(int cell, int k) {
        return layout == Layout.DARKNET ? cell * classes + k : cell * (boxes * 5 + classes) + boxes * 5 + k;
    }

    private int confidenceIndex(int cell, int b) {
        return layout == Layout.DARKNET ? grid * grid * classes + cell * boxes + b
                : cell * (boxes * 5 + classes) + b * 5 + 4;
    }

    private int coordIndex(int cell, int b) {
        return layout == Layout.DARKNET ? grid * grid * (classes + boxes) + (cell * boxes + b) * 4
                : cell * (boxes * 5 + classes) + b * 5;
    }
}
