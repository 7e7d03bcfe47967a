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
import java.util.Arrays;
import java.util.List;

/**
 * Layer normalisation (torch.nn.LayerNorm) over the trailing dims {@code normalized_shape}, or with
 * channels_first = true over axis 1 of [N,C,...] at every position (ConvNeXt's LayerNorm2d). Biased variance,
 * eps = 1e-5, optional element-wise affine weight and bias.
 */
public final class LayerNorm implements LayerType {
    @Override
    public String name() {
        return "layer_norm";
    }

    @Override
    public String description() {
        return "layer normalisation over the trailing dims, or over channels (channels_first)";
    }

    /** The normalised shape, checked against the input. */
    private static int[] normalized(Shape x, Attributes a) {
        LayerChecks.inRange(a, "eps", 1e-5, 0, Double.MAX_VALUE);
        if (a.getBoolean("channels_first", false)) {
            if (x.rank() < 2) {
                throw new ShapeException("channels_first needs an input [N,C,...] of rank at least 2, got " + x);
            }
            if (a.has("normalized_shape") && !Arrays.equals(a.getInts("normalized_shape"), new int[] {x.dim(1)})) {
                throw new ShapeException("attribute 'normalized_shape' " + Arrays.toString(a.getInts(
                        "normalized_shape")) + " must be [" + x.dim(1) + "] (the channels) with channels_first");
            }
            return new int[] {x.dim(1)};
        }
        int[] shape = LayerChecks.positive("normalized_shape", a.getInts("normalized_shape"));
        int r = x.rank();
        boolean matches = shape.length <= r;
        for (int i = 0; matches && i < shape.length; i++) {
            matches = shape[i] == x.dim(r - shape.length + i);
        }
        if (!matches) {
            throw new ShapeException("attribute 'normalized_shape' " + Arrays.toString(shape)
                    + " does not match the trailing dims of input " + x);
        }
        return shape;
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        normalized(x, a);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        if (!a.getBoolean("elementwise_affine", true)) {
            return List.of();
        }
        Shape s = Shape.of(normalized(inputs.get(0), a));
        return List.of(ParamSpec.weight("weight", s, Init.ones()), ParamSpec.weight("bias", s, Init.zeros()));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Attributes a = call.attributes();
        int count = (int) Shape.of(normalized(x.shape(), a)).size();
        double eps = a.getDouble("eps", 1e-5);
        boolean affine = a.getBoolean("elementwise_affine", true);
        float[] w = affine ? call.param("weight").data() : null;
        float[] b = affine ? call.param("bias").data() : null;
        // Channels-first normalises C values spaced `inner` apart; otherwise `count` contiguous values.
        boolean channelsFirst = a.getBoolean("channels_first", false);
        int stride = channelsFirst ? (int) x.shape().sizeOf(2, x.shape().rank()) : 1;
        float[] in = x.data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        Parallel.forRange(in.length / count, job -> {
            int offset = channelsFirst ? job / stride * count * stride + job % stride : job * count;
            double[] m = Moments.of(in, offset, count, stride, eps);
            for (int i = 0; i < count; i++) {
                int k = offset + i * stride;
                double v = (in[k] - m[0]) * m[1];
                out[k] = affine ? (float) (v * w[i] + b[i]) : (float) v;
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("tokens", Attributes.builder().put("normalized_shape", 8).build(), Shape.of(2, 5, 8)),
                LayerExample.of("last two dims, no affine", Attributes.builder().put("normalized_shape", 3, 4)
                        .put("elementwise_affine", false).build(), Shape.of(2, 3, 4)),
                LayerExample.of("channels first", Attributes.builder().put("channels_first", true).put("eps", 1e-6)
                        .build(), Shape.of(2, 6, 3, 4)));
    }
}
