package org.example.strix.mish;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mishnet_pointwise}: a 1×1 convolution, [N,C,H,W] to [N,out_channels,H,W], with PyTorch's conv layout
 * (weight [out, C, 1, 1], bias [out]). The plugin defines it itself because it depends on strix-api only.
 *
 * <p>Attributes: {@code out_channels} int (required); {@code bias} bool = true.
 */
public final class PointwiseConvLayer implements LayerType {

    @Override
    public String name() {
        return "mishnet_pointwise";
    }

    @Override
    public String description() {
        return "1x1 convolution used by mishnet (example third-party plugin)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = Checks.onlyImage(inputs);
        return List.of(x.with(1, Checks.positive(a, "out_channels")));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int in = Checks.onlyImage(inputs).dim(1);
        int out = Checks.positive(a, "out_channels");
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.weight("weight", Shape.of(out, in, 1, 1), Init.he()));
        if (a.getBoolean("bias", true)) {
            specs.add(ParamSpec.weight("bias", Shape.of(out), Init.fanInUniform()));
        }
        return specs;
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Shape x = inputs.get(0);
        return outputs.get(0).size() * x.dim(1);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        float[] w = call.param("weight").data();
        Tensor b = call.optionalParam("bias");
        Tensor y = call.newOutput(0);
        int n = x.shape().dim(0);
        int in = x.shape().dim(1);
        int out = y.shape().dim(1);
        int plane = (int) x.shape().sizeOf(2, 4);
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                int dst = (i * out + o) * plane;
                for (int p = 0; p < plane; p++) {
                    double sum = b == null ? 0 : b.data()[o];
                    for (int c = 0; c < in; c++) {
                        sum += (double) w[o * in + c] * x.data()[(i * in + c) * plane + p];
                    }
                    y.data()[dst + p] = (float) sum;
                }
            }
        }
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("3 to 4 channels", Attributes.builder().put("out_channels", 4).build(),
                        Shape.of(2, 3, 5, 5)),
                LayerExample.of("no bias", Attributes.builder().put("out_channels", 2).put("bias", false).build(),
                        Shape.of(1, 3, 2, 3)));
    }
}
