package dev.strix.layers.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerType;
import java.util.List;

/** A pooling layer with a sliding window: one task per [H,W] plane, one reduction per output cell. */
abstract class WindowPool implements LayerType {

    /** Reduces the window of output cell (oy, ox) in the plane that starts at {@code plane} of {@code in}. */
    @FunctionalInterface
    interface Cell {
        float value(float[] in, int plane, int oy, int ox);
    }

    /** Whether the layer accepts a {@code dilation} attribute. */
    abstract boolean dilates();

    /** The reduction for input planes of {@code height} × {@code width} under these attributes. */
    abstract Cell cell(PoolWindow p, Attributes a, int height, int width);

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = PoolWindow.input(inputs);
        return List.of(PoolWindow.of(x, a, dilates()).output(x));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        PoolWindow p = PoolWindow.of(x.shape(), call.attributes(), dilates());
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        Cell cell = cell(p, call.attributes(), h, w);
        Tensor y = call.newOutput(0);
        float[] in = x.data();
        float[] out = y.data();
        Parallel.forRange(x.shape().dim(0) * x.shape().dim(1), plane -> {
            int yOff = plane * p.outH() * p.outW();
            for (int oy = 0; oy < p.outH(); oy++) {
                for (int ox = 0; ox < p.outW(); ox++) {
                    out[yOff + oy * p.outW() + ox] = cell.value(in, plane * h * w, oy, ox);
                }
            }
        });
        return List.of(y);
    }
}
