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

/**
 * Adaptive average pooling (torch.nn.AdaptiveAvgPool2d): output cell i averages input rows floor(i·H/o) up to
 * ceil((i+1)·H/o), likewise for columns; windows may overlap or, when o > H, repeat rows.
 */
public final class AdaptiveAvgPool2d implements LayerType {
    @Override
    public String name() {
        return "adaptive_avg_pool2d";
    }

    @Override
    public String description() {
        return "2-D adaptive average pooling to a given output size";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs, 4, "[N,C,H,W]");
        int[] o = LayerChecks.positive("output_size", a.getInts("output_size", 2, 0));
        return List.of(Shape.of(x.dim(0), x.dim(1), o[0], o[1]));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Tensor y = call.newOutput(0);
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        int oh = y.shape().dim(2);
        int ow = y.shape().dim(3);
        float[] in = x.data();
        float[] out = y.data();
        Parallel.forRange(x.shape().dim(0) * x.shape().dim(1), plane -> {
            int xOff = plane * h * w;
            int yOff = plane * oh * ow;
            for (int i = 0; i < oh; i++) {
                int y0 = start(i, h, oh);
                int y1 = end(i, h, oh);
                for (int j = 0; j < ow; j++) {
                    int x0 = start(j, w, ow);
                    int x1 = end(j, w, ow);
                    double sum = 0;
                    for (int iy = y0; iy < y1; iy++) {
                        for (int ix = x0; ix < x1; ix++) {
                            sum += in[xOff + iy * w + ix];
                        }
                    }
                    out[yOff + i * ow + j] = (float) (sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        });
        return List.of(y);
    }

    static int start(int i, int in, int out) {
        return (int) ((long) i * in / out);
    }

    static int end(int i, int in, int out) {
        return (int) (((long) (i + 1) * in + out - 1) / out);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("7x7 to 3x3", Attributes.builder().put("output_size", 3).build(),
                        Shape.of(2, 3, 7, 7)),
                LayerExample.of("5x6 to 2x4", Attributes.builder().put("output_size", 2, 4).build(),
                        Shape.of(1, 2, 5, 6)),
                LayerExample.of("upsampling 3x3 to 5x5", Attributes.builder().put("output_size", 5).build(),
                        Shape.of(1, 2, 3, 3)));
    }
}
