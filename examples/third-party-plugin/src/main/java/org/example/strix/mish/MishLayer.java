package org.example.strix.mish;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import java.util.List;

/**
 * The {@code mish} activation, y = x · tanh(softplus(x)) (Misra 2019; PyTorch's {@code torch.nn.Mish}). One input of
 * any shape, the same shape out, no attributes and no parameters.
 */
public final class MishLayer implements LayerType {
    /** Above this, softplus(x) equals x in float arithmetic; PyTorch's softplus switches to x at the same point. */
    private static final double SOFTPLUS_THRESHOLD = 20;

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String description() {
        return "x·tanh(softplus(x)) activation (example third-party plugin)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes attributes) {
        if (inputs.size() != 1) {
            throw new ShapeException("mish takes one input, got " + inputs.size());
        }
        return List.of(inputs.get(0));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        float[] x = call.input(0).data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) mish(x[i]);
        }
        return List.of(y);
    }

    /** Mish of one value, in double precision. */
    public static double mish(double x) {
        double softplus = x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
        return x * Math.tanh(softplus);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("image", Attributes.empty(), Shape.of(2, 3, 5, 7)),
                LayerExample.of("vector", Attributes.empty(), Shape.of(1, 33)));
    }
}
