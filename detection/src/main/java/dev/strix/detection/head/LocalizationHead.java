package dev.strix.detection.head;

import dev.strix.api.Tensor;
import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import dev.strix.detection.nms.Candidates;
import java.util.List;

/**
 * Classification with localisation, the single-object setting: one output vector
 * {@code [p_c, b_x, b_y, b_h, b_w, c_1 … c_C]} (any shape holding 5 + C values): an object/no-object score, the
 * box's centre and size relative to the image (0–1; note height before width, as the classic notation has it)
 * and class scores. At most one detection comes out: the best class, scored {@code p_c · c_best}, when
 * {@code p_c} exceeds the objectness threshold.
 *
 * @param classes C
 * @param logits whether p_c and the class scores are raw logits (then sigmoid and softmax are applied)
 * @param objectnessThreshold the object/no-object cut on p_c, in [0, 1]
 */
public record LocalizationHead(int classes, boolean logits, double objectnessThreshold) implements HeadDecoder {

    public LocalizationHead {
        Checks.positive("classes", classes);
        Checks.unitInterval("objectness threshold", objectnessThreshold);
    }

    @Override
    public String name() {
        return "localization";
    }

    @Override
    public Candidates decode(List<Tensor> outputs, int inputWidth, int inputHeight, double scoreThreshold) {
        Checks.unitInterval("score threshold", scoreThreshold);
        Tensor t = Outputs.single(name(), outputs);
        float[] v = t.data();
        if (v.length != 5 + classes) {
            throw new DetectionException("localization head with " + classes + " classes expects 5 + " + classes
                    + " = " + (5 + classes) + " values [p_c, b_x, b_y, b_h, b_w, classes…], got " + t.shape());
        }
        double objectness = logits ? Activations.sigmoid(v[0]) : v[0];
        double[] probs = new double[classes];
        if (logits) {
            Activations.softmax(v, 5, classes, 1, probs);
        } else {
            for (int k = 0; k < classes; k++) {
                probs[k] = v[5 + k];
            }
        }
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (probs[k] > probs[best]) {
                best = k;
            }
        }
        double score = objectness * probs[best];
        Candidates.Builder out = Candidates.builder();
        if (objectness > objectnessThreshold && score > scoreThreshold) {
            Outputs.nonNegativeSize(name(), "(b_h, b_w)", v[4], v[3]);
            out.addCenter(v[1] * inputWidth, v[2] * inputHeight, v[4] * inputWidth, v[3] * inputHeight, score, best);
        }
        return out.build();
    }
}
