package dev.strix.cli;

import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;

/** tiny_net written out as loops in double precision, independent of the layer classes. */
final class TinyNetByHand {
    private TinyNetByHand() {}

    /** Logits [n][classes] for input x [N,C,H,W]. */
    static double[][] logits(Tensor x, Weights w) {
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int plane = x.shape().dim(2) * x.shape().dim(3);
        Tensor fc1 = w.get("head.fc1.weight");
        Tensor fc2 = w.get("head.fc2.weight");
        int hidden = fc1.shape().dim(0);
        int classes = fc2.shape().dim(0);
        double[][] out = new double[n][classes];
        for (int i = 0; i < n; i++) {
            double[] flat = new double[c * plane];
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < plane; p++) {
                    double y1 = x.data()[(i * c + ch) * plane + p] * (double) w.get("scale.weight").data()[ch];
                    flat[ch * plane + p] = y1 * w.get("block.scale.weight").data()[ch] + y1;
                }
            }
            double[] h = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                h[k] = w.get("head.fc1.bias").data()[k];
                for (int f = 0; f < flat.length; f++) {
                    h[k] += fc1.get(k, f) * flat[f];
                }
            }
            for (int k = 0; k < classes; k++) {
                out[i][k] = w.get("head.fc2.bias").data()[k];
                for (int j = 0; j < hidden; j++) {
                    out[i][k] += fc2.get(k, j) * h[j];
                }
            }
        }
        return out;
    }
}
