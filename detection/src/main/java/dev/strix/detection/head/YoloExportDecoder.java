package dev.strix.detection.head;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.nms.Candidates;
import java.util.List;
import java.util.Objects;

/**
 * The output layouts of exported YOLOv5 and YOLOv8 models (ONNX / TorchScript exports, no NMS in the graph), boxes
 * as centre and size in input pixels:
 * <ul>
 *   <li>YOLOv5: [1, N, 5 + C], rows of cx, cy, w, h, objectness, C class scores (already sigmoid); a row's
 *       score is objectness × its best class score. [1, 25200, 85] for COCO at 640.</li>
 *   <li>YOLOv8: [1, 4 + C, N], columns of cx, cy, w, h, C class scores, no objectness (so the layout is
 *       transposed relative to v5); a column's score is its best class score. [1, 84, 8400] for COCO at 640.</li>
 * </ul>
 * With {@link Layout#AUTO} the layout is told from the shape: with C known, by which of 5 + C and 4 + C fits;
 * without, by which dimension is longer (there are far more candidates than values per candidate).
 *
 * @param layout v5, v8 or auto
 * @param classes C, or 0 to take it from the shape
 */
public record YoloExportDecoder(Layout layout, int classes) implements HeadDecoder {

    /** Which export. */
    public enum Layout { V5, V8, AUTO }

    public YoloExportDecoder {
        Objects.requireNonNull(layout, "layout");
        if (classes < 0) {
            throw new DetectionException("classes must be at least 1 (or 0 to infer), got " + classes);
        }
    }

    @Override
    public String name() {
        return switch (layout) {
            case V5 -> "yolov5";
            case V8 -> "yolov8";
            case AUTO -> "yolo export";
        };
    }

    /** The layout of {@code shape}, resolving {@link Layout#AUTO}; fails when it fits neither. */
    public Layout resolve(Shape shape) {
        if (shape.rank() != 3 || shape.dim(0) != 1) {
            throw new DetectionException(name() + " expects [1, N, 5+C] (YOLOv5) or [1, 4+C, N] (YOLOv8), got "
                    + shape);
        }
        int a = shape.dim(1);
        int b = shape.dim(2);
        Layout l = layout;
        if (l == Layout.AUTO) {
            if (classes > 0) {
                l = b == 5 + classes ? Layout.V5 : a == 4 + classes ? Layout.V8 : null;
                if (l == null) {
                    throw new DetectionException("a YOLO export with " + classes + " classes is [1, N, "
                            + (5 + classes) + "] (YOLOv5) or [1, " + (4 + classes) + ", N] (YOLOv8), got " + shape);
                }
            } else {
                l = a >= b ? Layout.V5 : Layout.V8;
            }
        }
        if (classes == 0 && ((l == Layout.V5 && a < b) || (l == Layout.V8 && a > b))) {
            throw new DetectionException(name() + " output " + shape + " has fewer candidates than values per "
                    + "candidate; it looks like a " + (l == Layout.V5 ? "YOLOv8" : "YOLOv5") + " output (give the "
                    + "class count to decode it as " + name() + " anyway)");
        }
        int values = l == Layout.V5 ? b : a;
        int extra = l == Layout.V5 ? 5 : 4;
        int c = classes > 0 ? classes : values - extra;
        if (c < 1 || values != extra + c) {
            String expected = l == Layout.V5 ? "[1, N, 5+C] (YOLOv5)" : "[1, 4+C, N] (YOLOv8)";
            throw new DetectionException(name() + " expects " + expected
                    + (classes > 0 ? " with C = " + classes : " with C ≥ 1") + ", got " + shape
                    + (l == Layout.V5 && a == 4 + classes ? "; the shape looks like a YOLOv8 output" : "")
                    + (l == Layout.V8 && b == 5 + classes ? "; the shape looks like a YOLOv5 output" : ""));
        }
        return l;
    }

    @Override
    public Candidates decode(List<Tensor> outputs, int inputWidth, int inputHeight, double scoreThreshold) {
        Checks.unitInterval("score threshold", scoreThreshold);
        Tensor t = Outputs.single(name(), outputs);
        Layout l = resolve(t.shape());
        return l == Layout.V5 ? decodeV5(t, scoreThreshold) : decodeV8(t, scoreThreshold);
    }

    private Candidates decodeV5(Tensor t, double threshold) {
        int n = t.shape().dim(1);
        int f = t.shape().dim(2);
        float[] v = t.data();
        Candidates.Builder out = Candidates.builder();
        for (int r = 0; r < n; r++) {
            int row = r * f;
            float objectness = v[row + 4];
            if (!(objectness > threshold)) {
                continue; // the score objectness × class score cannot exceed objectness
            }
            int best = 0;
            for (int c = 1; c < f - 5; c++) {
                if (v[row + 5 + c] > v[row + 5 + best]) {
                    best = c;
                }
            }
            double score = (double) objectness * v[row + 5 + best];
            if (score > threshold) {
                Outputs.nonNegativeSize("yolov5", "row " + r, v[row + 2], v[row + 3]);
                out.addCenter(v[row], v[row + 1], v[row + 2], v[row + 3], score, best);
            }
        }
        return out.build();
    }

    private Candidates decodeV8(Tensor t, double threshold) {
        int f = t.shape().dim(1);
        int n = t.shape().dim(2);
        float[] v = t.data();
        Candidates.Builder out = Candidates.builder();
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < f - 4; c++) {
                if (v[(4 + c) * n + i] > v[(4 + best) * n + i]) {
                    best = c;
                }
            }
            double score = v[(4 + best) * n + i];
            if (score > threshold) {
                Outputs.nonNegativeSize("yolov8", "column " + i, v[2 * n + i], v[3 * n + i]);
                out.addCenter(v[i], v[n + i], v[2 * n + i], v[3 * n + i], score, best);
            }
        }
        return out.build();
    }
}
