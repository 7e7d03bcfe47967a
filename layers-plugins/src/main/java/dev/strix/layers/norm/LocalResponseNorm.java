package dev.strix.layers.norm;

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
 * Local response normalisation across channels, with PyTorch's definition (AlexNet): b = a / (k + alpha/size ·
 * Σ a²)^beta, the sum over channels c − size/2 … c + (size−1)/2 that exist (missing ones count as zero).
 */
public final class LocalResponseNorm implements LayerType {
    @Override
    public String name() {
        return "local_response_norm";
    }

    @Override
    public String description() {
        return "local response normalisation across channels (AlexNet)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 3, "[N,C,H,W]");
        LayerChecks.positive(a, "size");
        return List.of(x);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Attributes a = call.attributes();
        int size = a.getInt("size");
        double alpha = a.getDouble("alpha", 1e-4);
        double beta = a.getDouble("beta", 0.75);
        double k = a.getDouble("k", 1.0);
        int channels = x.shape().dim(1);
        int inner = (int) x.shape().sizeOf(2, x.shape().rank());
        float[] in = x.data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        Parallel.forRange(in.length / inner, plane -> {
            int n = plane / channels;
            int c = plane % channels;
            int lo = Math.max(0, c - size / 2);
            int hi = Math.min(channels - 1, c + (size - 1) / 2);
            for (int i = 0; i < inner; i++) {
                double sum = 0;
                for (int cc = lo; cc <= hi; cc++) {
                    double v = in[(n * channels + cc) * inner + i];
                    sum += v * v;
                }
                int at = plane * inner + i;
                out[at] = (float) (in[at] / Math.pow(k + alpha / size * sum, beta));
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("AlexNet's", Attributes.builder().put("size", 5).put("alpha", 1e-4)
                .put("beta", 0.75).put("k", 2.0).build(), Shape.of(2, 7, 3, 3)),
                LayerExample.of("even size, strong", Attributes.builder().put("size", 2).put("alpha", 0.5).build(),
                        Shape.of(1, 4, 2, 3)));
    }
}
