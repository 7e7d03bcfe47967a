package dev.strix.layers.norm;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.Init;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * Group normalisation (torch.nn.GroupNorm): the channels of [N,C,...] fall into num_groups groups, each normalised
 * over its channels and positions, then an optional per-channel affine.
 */
public final class GroupNorm implements LayerType {
    @Override
    public String name() {
        return "group_norm";
    }

    @Override
    public String description() {
        return "group normalisation over channel groups";
    }

    private static int groups(Shape x, Attributes a) {
        int g = LayerChecks.positive(a, "num_groups");
        if (x.dim(1) % g != 0) {
            throw new ShapeException("attribute 'num_groups' = " + g + " does not divide the input channels "
                    + x.dim(1));
        }
        LayerChecks.inRange(a, "eps", 1e-5, 0, Double.MAX_VALUE);
        return g;
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 2, "[N,C,...]");
        groups(x, a);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        if (!a.getBoolean("affine", true)) {
            return List.of();
        }
        Shape c = Shape.of(inputs.get(0).dim(1));
        return List.of(ParamSpec.weight("weight", c, Init.ones()), ParamSpec.weight("bias", c, Init.zeros()));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Attributes a = call.attributes();
        int groups = groups(x.shape(), a);
        int channels = x.shape().dim(1);
        int inner = (int) x.shape().sizeOf(2, x.shape().rank());
        int perGroup = channels / groups * inner;
        double eps = a.getDouble("eps", 1e-5);
        boolean affine = a.getBoolean("affine", true);
        float[] w = affine ? call.param("weight").data() : null;
        float[] b = affine ? call.param("bias").data() : null;
        float[] in = x.data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        Parallel.forRange(in.length / perGroup, job -> {
            int offset = job * perGroup;
            double[] m = Moments.of(in, offset, perGroup, 1, eps);
            for (int i = 0; i < perGroup; i++) {
                int c = (offset + i) / inner % channels;
                double v = (in[offset + i] - m[0]) * m[1];
                out[offset + i] = affine ? (float) (v * w[c] + b[c]) : (float) v;
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("3 groups", Attributes.builder().put("num_groups", 3).build(), Shape.of(2, 6, 3, 3)),
                LayerExample.of("1 group, no affine", Attributes.builder().put("num_groups", 1).put("affine", false)
                        .build(), Shape.of(2, 4, 5)));
    }
}
