package dev.strix.layers.activation;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * Softmax or log-softmax along one axis (default −1), computed stably: subtract the maximum, sum the exponentials
 * in double.
 */
abstract class AxisSoftmax implements LayerType {

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        LayerChecks.axis("axis", a.getInt("axis", -1), Math.max(1, x.rank()));
        return List.of(x);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Shape s = x.shape();
        int axis = LayerChecks.axis("axis", call.attributes().getInt("axis", -1), Math.max(1, s.rank()));
        int n = s.rank() == 0 ? 1 : s.dim(axis);
        int inner = s.rank() == 0 ? 1 : (int) s.sizeOf(axis + 1, s.rank());
        int outer = x.data().length / (n * inner);
        float[] in = x.data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        Parallel.forRange(outer * inner, job -> {
            int base = job / inner * n * inner + job % inner;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, in[base + i * inner]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.exp(in[base + i * inner] - max);
            }
            write(in, out, base, n, inner, max, sum);
        });
        return List.of(y);
    }

    /** Writes the {@code n} results of one slice, given its maximum and Σ exp(x − max). */
    abstract void write(float[] in, float[] out, int base, int n, int stride, double max, double sum);

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("last axis", Attributes.empty(), Shape.of(2, 3, 7)),
                LayerExample.of("axis 1", Attributes.builder().put("axis", 1).build(), Shape.of(2, 5, 3, 3)));
    }
}
