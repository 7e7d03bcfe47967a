package org.example.strix.mish;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import java.util.List;

/**
 * {@code mishnet_pool_linear}: the classifier head of mishnet, global average pooling of [N,C,H,W] followed by a
 * linear layer to [N,out_features] (weight [out, C], bias [out], PyTorch's layout).
 *
 * <p>Attributes: {@code out_features} int (required).
 */
public final class PoolLinearLayer implements LayerType {

    @Override
    public String name() {
        return "mishnet_pool_linear";
    }

    @Override
    public String description() {
        return "global average pool then linear, mishnet's head (example third-party plugin)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = Checks.onlyImage(inputs);
        return List.of(Shape.of(x.dim(0), Checks.positive(a, "out_features")));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int in = Checks.onlyImage(inputs).dim(1);
        int out = Checks.positive(a, "out_features");
        return List.of(
                ParamSpec.weight("weight", Shape.of(out, in), Init.fanInUniform()),
                ParamSpec.weight("bias", Shape.of(out), Init.fanInUniform()));
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        return outputs.get(0).size() * inputs.get(0).dim(1);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        float[] w = call.param("weight").data();
        float[] b = call.param("bias").data();
        Tensor y = call.newOutput(0);
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int plane = (int) x.shape().sizeOf(2, 4);
        int out = y.shape().dim(1);
        double[] pooled = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                double sum = 0;
                for (int p = 0; p < plane; p++) {
                    sum += x.data()[(i * c + ch) * plane + p];
                }
                pooled[ch] = sum / plane;
            }
            for (int o = 0; o < out; o++) {
                double sum = b[o];
                for (int ch = 0; ch < c; ch++) {
                    sum += w[o * c + ch] * pooled[ch];
                }
                y.data()[i * out + o] = (float) sum;
            }
        }
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("4 channels to 3 features",
                Attributes.builder().put("out_features", 3).build(), Shape.of(2, 4, 3, 3)));
    }
}
