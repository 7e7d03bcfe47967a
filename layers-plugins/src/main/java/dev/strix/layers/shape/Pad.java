package dev.strix.layers.shape;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.Arrays;
import java.util.List;

/**
 * torch.nn.functional.pad on the last two dims: pads [top, left, bottom, right], mode constant (with value),
 * reflect (mirror without repeating the edge; each pad smaller than its dim) or replicate (repeat the edge).
 */
public final class Pad implements LayerType {
    @Override
    public String name() {
        return "pad";
    }

    @Override
    public String description() {
        return "pads the last two dims: constant, reflect or replicate";
    }

    private static int[] pads(Shape x, Attributes a) {
        int[] p = LayerChecks.nonNegative("pads", a.getInts("pads"));
        if (p.length != 4) {
            throw new ShapeException("attribute 'pads' must be int[4] [top, left, bottom, right], got "
                    + Arrays.toString(p));
        }
        String mode = LayerChecks.oneOf(a, "mode", "constant", "constant", "reflect", "replicate");
        int h = x.dim(-2);
        int w = x.dim(-1);
        if (mode.equals("reflect") && (p[0] >= h || p[2] >= h || p[1] >= w || p[3] >= w)) {
            throw new ShapeException("attribute 'pads' " + Arrays.toString(p) + " with mode 'reflect' must be"
                    + " smaller than the input's height " + h + " and width " + w);
        }
        return p;
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 2, "[..., H, W]");
        int[] p = pads(x, a);
        return List.of(x.with(-2, x.dim(-2) + p[0] + p[2]).with(-1, x.dim(-1) + p[1] + p[3]));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Attributes a = call.attributes();
        int[] p = pads(x.shape(), a);
        String mode = a.getString("mode", "constant");
        float value = a.getFloat("value", 0f);
        int h = x.shape().dim(-2);
        int w = x.shape().dim(-1);
        Tensor y = call.newOutput(0);
        int oh = y.shape().dim(-2);
        int ow = y.shape().dim(-1);
        int[] rows = sources(oh, p[0], h, mode);
        int[] cols = sources(ow, p[1], w, mode);
        float[] in = x.data();
        float[] out = y.data();
        Parallel.forRange(in.length / (h * w), plane -> {
            int xOff = plane * h * w;
            int yOff = plane * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    out[yOff + oy * ow + ox] = rows[oy] < 0 || cols[ox] < 0 ? value
                            : in[xOff + rows[oy] * w + cols[ox]];
                }
            }
        });
        return List.of(y);
    }

    /** For each output index, the input index it copies, or −1 for the constant. */
    private static int[] sources(int outSize, int before, int size, String mode) {
        int[] src = new int[outSize];
        for (int o = 0; o < outSize; o++) {
            int i = o - before;
            if (i < 0 || i >= size) {
                i = switch (mode) {
                    case "reflect" -> i < 0 ? -i : 2 * (size - 1) - i;
                    case "replicate" -> i < 0 ? 0 : size - 1;
                    default -> -1;
                };
            }
            src[o] = i;
        }
        return src;
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("constant asymmetric", Attributes.builder().put("pads", 0, 0, 1, 1).build(),
                        Shape.of(2, 3, 5, 5)),
                LayerExample.of("reflect", Attributes.builder().put("pads", 1, 2, 2, 1).put("mode", "reflect")
                        .build(), Shape.of(1, 2, 4, 5)),
                LayerExample.of("replicate", Attributes.builder().put("pads", 3, 0, 1, 2).put("mode", "replicate")
                        .build(), Shape.of(1, 2, 3, 3)));
    }
}
