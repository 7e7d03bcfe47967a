package dev.strix.layers.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.spi.LayerExample;
import dev.strix.layers.Window2d;
import java.util.List;

/**
 * Average pooling (torch.nn.AvgPool2d): kernel, stride, padding, ceil_mode, count_include_pad. As in PyTorch, with
 * count_include_pad the divisor counts the padding but not the part of a ceil_mode window beyond it.
 */
public final class AvgPool2d extends WindowPool {
    @Override
    public String name() {
        return "avg_pool2d";
    }

    @Override
    public String description() {
        return "2-D average pooling: kernel, stride, padding, ceil_mode, count_include_pad";
    }

    @Override
    boolean dilates() {
        return false;
    }

    @Override
    Cell cell(PoolWindow p, Attributes a, int h, int wd) {
        Window2d w = p.window();
        boolean includePad = a.getBoolean("count_include_pad", true);
        return (in, plane, oy, ox) -> {
            int y0 = oy * w.strideH() - w.padTop();
            int y1 = Math.min(y0 + w.kernelH(), h + w.padTop());
            int x0 = ox * w.strideW() - w.padLeft();
            int x1 = Math.min(x0 + w.kernelW(), wd + w.padLeft());
            int padded = (y1 - y0) * (x1 - x0);
            y0 = Math.max(y0, 0);
            x0 = Math.max(x0, 0);
            y1 = Math.min(y1, h);
            x1 = Math.min(x1, wd);
            if (y1 <= y0 || x1 <= x0) {
                return 0f;
            }
            double sum = 0;
            for (int iy = y0; iy < y1; iy++) {
                for (int ix = x0; ix < x1; ix++) {
                    sum += in[plane + iy * wd + ix];
                }
            }
            return (float) (sum / (includePad ? padded : (y1 - y0) * (x1 - x0)));
        };
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("2x2", Attributes.builder().put("kernel_size", 2).build(), Shape.of(2, 3, 6, 7)),
                LayerExample.of("3x3 stride 2 pad 1 exclude pad", Attributes.builder().put("kernel_size", 3)
                        .put("stride", 2).put("padding", 1).put("count_include_pad", false).build(),
                        Shape.of(1, 2, 9, 8)),
                LayerExample.of("3x3 stride 2 pad 1 ceil", Attributes.builder().put("kernel_size", 3)
                        .put("stride", 2).put("padding", 1).put("ceil_mode", true).build(), Shape.of(1, 2, 8, 8)));
    }
}
