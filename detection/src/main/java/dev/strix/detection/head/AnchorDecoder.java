package dev.strix.detection.head;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.nms.Candidates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * YOLOv2 / YOLOv3 anchor decoding over one or more scales. Each scale's output is the raw convolution output
 * [1, A·(5 + C), H, W] (NCHW; channels grouped per anchor as tx, ty, tw, th, objectness, C class values — Darknet's
 * region and yolo layers). For anchor (p_w, p_h) at cell (c_x, c_y):
 * {@code b_x = (σ(t_x) + c_x) / W}, {@code b_y = (σ(t_y) + c_y) / H} (fractions of the input),
 * {@code b_w = p_w · e^{t_w}}, {@code b_h = p_h · e^{t_h}}; the score of the best class is
 * {@code σ(t_o) · P(class)}, with P a softmax over classes (v2) or a sigmoid per class (v3).
 *
 * @param anchors per scale, in output order, the anchors' (w, h) pairs flattened
 * @param classes C
 * @param anchorsInPixels whether anchors are in input pixels (v3) or in grid cells of their scale (v2)
 * @param activation how class values become probabilities
 */
public record AnchorDecoder(List<float[]> anchors, int classes, boolean anchorsInPixels, ClassActivation activation)
        implements HeadDecoder {

    /** How raw class values become probabilities. */
    public enum ClassActivation {
        /** One softmax over the classes (YOLOv2). */
        SOFTMAX,
        /** An independent sigmoid per class (YOLOv3). */
        SIGMOID
    }

    /** YOLOv2 on VOC: one 13×13 scale, 5 anchors in grid cells, 20 classes, softmax. */
    public static AnchorDecoder yolov2Voc() {
        return new AnchorDecoder(List.of(new float[] {1.3221f, 1.73145f, 3.19275f, 4.00944f, 5.05587f, 8.09892f,
                9.47112f, 4.84053f, 11.2364f, 10.0071f}), 20, false, ClassActivation.SOFTMAX);
    }

    /** YOLOv3 on COCO: outputs at strides 32, 16, 8 (13×13, 26×26, 52×52 at 416), 3 pixel anchors each. */
    public static AnchorDecoder yolov3Coco() {
        return new AnchorDecoder(List.of(new float[] {116, 90, 156, 198, 373, 326},
                new float[] {30, 61, 62, 45, 59, 119}, new float[] {10, 13, 16, 30, 33, 23}), 80, true,
                ClassActivation.SIGMOID);
    }

    public AnchorDecoder {
        Checks.positive("classes", classes);
        Objects.requireNonNull(activation, "activation");
        if (anchors.isEmpty()) {
            throw new DetectionException("an anchor decoder needs anchors for at least one scale");
        }
        List<float[]> copy = new ArrayList<>();
        for (int s = 0; s < anchors.size(); s++) {
            float[] a = anchors.get(s);
            if (a.length == 0 || a.length % 2 != 0) {
                throw new DetectionException("anchors of scale " + s + " must be (w, h) pairs, got " + a.length
                        + " numbers");
            }
            for (float x : a) {
                Checks.positive("anchor size at scale " + s, x);
            }
            copy.add(a.clone());
        }
        anchors = List.copyOf(copy);
    }

    @Override
    public String name() {
        return "yolo-anchors";
    }

    @Override
    public Candidates decode(List<Tensor> outputs, int inputWidth, int inputHeight, double scoreThreshold) {
        Checks.unitInterval("score threshold", scoreThreshold);
        if (outputs.size() != anchors.size()) {
            throw new DetectionException(name() + " has anchors for " + anchors.size() + " scales but the model has "
                    + outputs.size() + " outputs");
        }
        Candidates.Builder out = Candidates.builder();
        double[] probs = new double[classes];
        for (int s = 0; s < outputs.size(); s++) {
            Tensor t = Outputs.finite(name(), outputs.get(s));
            float[] a = anchors.get(s);
            int count = a.length / 2;
            Shape shape = t.shape();
            if (shape.rank() != 4 || shape.dim(0) != 1 || shape.dim(1) != count * (5 + classes)) {
                throw new DetectionException(name() + " scale " + s + " expects [1, " + count + "·(5 + " + classes
                        + ") = " + count * (5 + classes) + ", H, W], got " + shape);
            }
            decodeScale(t, a, inputWidth, inputHeight, scoreThreshold, probs, out, s);
        }
        return out.build();
    }

    private void decodeScale(Tensor t, float[] a, int inputWidth, int inputHeight, double threshold,
            double[] probs, Candidates.Builder out, int scale) {
        int h = t.shape().dim(2);
        int w = t.shape().dim(3);
        int plane = h * w;
        float[] v = t.data();
        double unitW = anchorsInPixels ? 1 : (double) inputWidth / w;
        double unitH = anchorsInPixels ? 1 : (double) inputHeight / h;
        for (int k = 0; k < a.length / 2; k++) {
            int base = k * (5 + classes) * plane;
            for (int gy = 0; gy < h; gy++) {
                for (int gx = 0; gx < w; gx++) {
                    int loc = base + gy * w + gx;
                    double objectness = Activations.sigmoid(v[loc + 4 * plane]);
                    if (!(objectness > threshold)) {
                        continue; // score = objectness · P ≤ objectness
                    }
                    if (activation == ClassActivation.SOFTMAX) {
                        Activations.softmax(v, loc + 5 * plane, classes, plane, probs);
                    } else {
                        for (int c = 0; c < classes; c++) {
                            probs[c] = Activations.sigmoid(v[loc + (5 + c) * plane]);
                        }
                    }
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (probs[c] > probs[best]) {
                            best = c;
                        }
                    }
                    double score = objectness * probs[best];
                    if (!(score > threshold)) {
                        continue;
                    }
                    double cx = (Activations.sigmoid(v[loc]) + gx) / w * inputWidth;
                    double cy = (Activations.sigmoid(v[loc + plane]) + gy) / h * inputHeight;
                    double bw = a[2 * k] * Math.exp(v[loc + 2 * plane]) * unitW;
                    double bh = a[2 * k + 1] * Math.exp(v[loc + 3 * plane]) * unitH;
                    if (!Double.isFinite(bw) || !Double.isFinite(bh)) {
                        throw new DetectionException(name() + " scale " + scale + " anchor " + k + " cell (" + gx
                                + ", " + gy + "): box size overflows (t_w " + v[loc + 2 * plane] + ", t_h "
                                + v[loc + 3 * plane] + ")");
                    }
                    out.addCenter(cx, cy, bw, bh, score, best);
                }
            }
        }
    }
}
