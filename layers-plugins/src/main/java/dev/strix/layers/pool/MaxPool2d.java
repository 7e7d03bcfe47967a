package dev.strix.layers.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.spi.LayerExample;
import dev.strix.layers.Window2d;
import java.util.List;

/** Max pooling (torch.nn.MaxPool2d): kernel, stride (default kernel), padding, dilation, ceil_mode. */
public final class MaxPool2d extends WindowPool {
    @Override
    public String name() {
        return "max_pool2d";
    }

    @Override
    public String description() {
        return "2-D max pooling: kernel, stride, padding, dilation, ceil_mode";
    }

    @Override
    boolean dilates() {
        return true;
    }

    @Override
    Cell cell(PoolWindow p, Attributes a, int h, int wd) {
        Window2d w = p.window();
        return (in, plane, oy, ox) -> {
            float m = Float.NEGATIVE_INFINITY;
            for (int ky = 0; ky < w.kernelH(); ky++) {
                int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
                if (iy < 0 || iy >= h) {
                    continue;
                }
                for (int kx = 0; kx < w.kernelW(); kx++) {
                    int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                    if (ix >= 0 && ix < wd) {
                        float v = in[plane + iy * wd + ix];
                        // NaN propagates, as in PyTorch.
                        if (v > m || Float.isNaN(v)) {
                            m = v;
                        }
                    }
                }
            }
            return m;
        };
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("2x2", Attributes.builder().put("kernel_size", 2).build(), Shape.of(2, 3, 6, 7)),
                LayerExample.of("3x3 stride 2 pad 1", Attributes.builder().put("kernel_size", 3).put("stride", 2)
                        .put("padding", 1).build(), Shape.of(1, 2, 9, 8)),
                LayerExample.of("3x3 stride 2 ceil", Attributes.builder().put("kernel_size", 3).put("stride", 2)
                        .put("ceil_mode", true).build(), Shape.of(1, 2, 8, 8)),
                LayerExample.of("dilated", Attributes.builder().put("kernel_size", 2).put("stride", 1)
                        .put("dilation", 2).build(), Shape.of(1, 2, 6, 6)));
    }
}
