package dev.strix.opencl.session;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Node;
import java.util.Map;

/**
 * Folds an inference batch norm into the convolution before it: with s = γ / √(var + ε), the convolution's weight
 * becomes w·s per output channel and its bias (b − mean)·s + β (b = 0 when it had none). Computed in double.
 */
final class BatchNormFolding {
    private BatchNormFolding() {}

    /** Replaces {@code conv}'s "weight" and "bias" with the folded values. */
    static void fold(Map<String, Tensor> conv, Map<String, Tensor> bn, Node bnNode) {
        Tensor w = conv.get("weight");
        int out = w.shape().dim(0);
        int per = (int) (w.shape().size() / out);
        float[] gamma = get(bn, "weight", bnNode, out);
        float[] beta = get(bn, "bias", bnNode, out);
        float[] mean = get(bn, "running_mean", bnNode, out);
        float[] var = get(bn, "running_var", bnNode, out);
        double eps = bnNode.attributes().getDouble("eps", 1e-5);
        Tensor b = conv.get("bias");
        float[] wd = w.data();
        float[] nw = new float[wd.length];
        float[] nb = new float[out];
        for (int o = 0; o < out; o++) {
            double s = gamma[o] / Math.sqrt(var[o] + eps);
            for (int i = 0; i < per; i++) {
                nw[o * per + i] = (float) (wd[o * per + i] * s);
            }
            double bias = b == null ? 0 : b.data()[o];
            nb[o] = (float) ((bias - mean[o]) * s + beta[o]);
        }
        conv.put("weight", Tensor.of(w.shape(), nw));
        conv.put("bias", Tensor.of(Shape.of(out), nb));
    }

    private static float[] get(Map<String, Tensor> bn, String name, Node node, int channels) {
        Tensor t = bn.get(name);
        if (t == null || t.shape().size() != channels) {
            throw new WeightsException("batch norm '" + node.name() + "' cannot be folded: parameter '" + name
                    + "' is " + (t == null ? "missing" : "of shape " + t.shape()) + ", expected " + channels
                    + " values");
        }
        return t.data();
    }
}
