package dev.strix.layers.math;

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
import java.util.ArrayList;
import java.util.List;

/** Fully connected layer (torch.nn.Linear) on the last dim: y = x Wᵀ + b, weight [out, in]. */
public final class Linear implements LayerType {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "fully connected layer on the last dimension, optional bias";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 1, "[..., in]");
        return List.of(x.with(-1, LayerChecks.positive(a, "out_features")));
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        int in = inputs.get(0).dim(-1);
        int out = LayerChecks.positive(a, "out_features");
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(ParamSpec.weight("weight", Shape.of(out, in), Init.fanInUniform()));
        if (a.getBoolean("bias", true)) {
            // PyTorch's bias bound is 1/sqrt(in), the weight's fan-in.
            specs.add(ParamSpec.weight("bias", Shape.of(out), Init.uniform(1 / Math.sqrt(in))));
        }
        return specs;
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        return inputs.get(0).size() * outputs.get(0).dim(-1);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        int in = x.shape().dim(-1);
        Tensor y = call.newOutput(0);
        int out = y.shape().dim(-1);
        int rows = x.data().length / in;
        float[] xv = x.data();
        float[] w = call.param("weight").data();
        Tensor biasTensor = call.attributes().getBoolean("bias", true) ? call.param("bias") : null;
        float[] b = biasTensor == null ? null : biasTensor.data();
        float[] yv = y.data();
        // One task per output feature: its weight row is read once, contiguously, for every input row.
        Parallel.forRange(out, o -> {
            int wOff = o * in;
            for (int r = 0; r < rows; r++) {
                int xOff = r * in;
                float acc = 0;
                for (int k = 0; k < in; k++) {
                    acc += xv[xOff + k] * w[wOff + k];
                }
                yv[r * out + o] = b == null ? acc : acc + b[o];
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("2x20 to 7", Attributes.builder().put("out_features", 7).build(), Shape.of(2, 20)),
                LayerExample.of("tokens, no bias", Attributes.builder().put("out_features", 5).put("bias", false)
                        .build(), Shape.of(2, 3, 8)));
    }
}
