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
        // One task per output feature: its weight row stays in cache while every input row passes by, four rows
        // at a time so that each weight load feeds four independent sums.
        Parallel.forRange(out, o -> {
            int wOff = o * in;
            float bias = b == null ? 0f : b[o];
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                int x0 = r * in;
                float a0 = 0;
                float a1 = 0;
                float a2 = 0;
                float a3 = 0;
                for (int k = 0; k < in; k++) {
                    float wk = w[wOff + k];
                    a0 += xv[x0 + k] * wk;
                    a1 += xv[x0 + in + k] * wk;
                    a2 += xv[x0 + 2 * in + k] * wk;
                    a3 += xv[x0 + 3 * in + k] * wk;
                }
                yv[r * out + o] = a0 + bias;
                yv[(r + 1) * out + o] = a1 + bias;
                yv[(r + 2) * out + o] = a2 + bias;
                yv[(r + 3) * out + o] = a3 + bias;
            }
            for (; r < rows; r++) {
                yv[r * out + o] = Dot.of(xv, r * in, w, wOff, in) + bias;
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
