package dev.strix.layers.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/** What global average and max pooling share: [N,C,H,W] to [N,C,1,1], one reduction per plane. */
abstract class GlobalPool implements LayerType {

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        return List.of(Shape.of(x.dim(0), x.dim(1), 1, 1));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Tensor y = call.newOutput(0);
        int plane = x.shape().dim(2) * x.shape().dim(3);
        float[] in = x.data();
        float[] out = y.data();
        Parallel.forRange(out.length, i -> out[i] = reduce(in, i * plane, plane));
        return List.of(y);
    }

    /** The pooled value of {@code in[from .. from+count)}. */
    abstract float reduce(float[] in, int from, int count);

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("2x3x5x4", Attributes.empty(), Shape.of(2, 3, 5, 4)),
                LayerExample.of("1x1 plane", Attributes.empty(), Shape.of(1, 4, 1, 1)));
    }
}
