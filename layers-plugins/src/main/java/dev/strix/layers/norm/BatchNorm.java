package dev.strix.layers.norm;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * Batch normalisation at inference (torch.nn.BatchNorm1d/2d in eval mode): per channel (dim 1),
 * y = (x − running_mean) / √(running_var + eps) · weight + bias.
 */
public final class BatchNorm implements LayerType {
    @Override
    public String name() {
        return "batch_norm";
    }

    @Override
    public String description() {
        return "batch normalisation with running statistics (inference)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 2, "[N,C,...]");
        LayerChecks.inRange(a, "eps", 1e-5, 0, Double.MAX_VALUE);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        Shape c = Shape.of(inputs.get(0).dim(1));
        return List.of(ParamSpec.weight("weight", c, Init.ones()), ParamSpec.weight("bias", c, Init.zeros()),
                ParamSpec.buffer("running_mean", c, Init.zeros()), ParamSpec.buffer("running_var", c, Init.ones()));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        double eps = call.attributes().getDouble("eps", 1e-5);
        int channels = x.shape().dim(1);
        int inner = (int) x.shape().sizeOf(2, x.shape().rank());
        float[] w = call.param("weight").data();
        float[] b = call.param("bias").data();
        float[] mean = call.param("running_mean").data();
        float[] var = call.param("running_var").data();
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = w[c] / Math.sqrt(var[c] + eps);
            scale[c] = (float) s;
            shift[c] = (float) (b[c] - mean[c] * s);
        }
        float[] in = x.data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        Parallel.forRange(in.length / inner, plane -> {
            int c = plane % channels;
            for (int i = plane * inner; i < (plane + 1) * inner; i++) {
                out[i] = in[i] * scale[c] + shift[c];
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("NCHW", Attributes.empty(), Shape.of(2, 3, 4, 5)),
                LayerExample.of("NC, eps 1e-3", Attributes.builder().put("eps", 1e-3).build(), Shape.of(4, 6)));
    }
}
