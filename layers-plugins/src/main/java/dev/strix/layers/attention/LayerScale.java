package dev.strix.layers.attention;

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
 * {@code layer_scale}: multiplies x by a learned per-channel vector along {@code axis} (ConvNeXt's and CaiT's
 * gamma). The parameter keeps the shape its source stores: [C] by default for the last axis, [C,1,…,1] for another
 * axis (torchvision's CNBlock keeps [C,1,1] for axis 1), or {@code param_shape}, which must broadcast against x
 * with C at {@code axis} and 1 everywhere else. Initialised to 1e-6, as torchvision's ConvNeXt does.
 */
public final class LayerScale implements LayerType {
    public static final String NAME = "layer_scale";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "multiply by a learned per-channel scale (ConvNeXt gamma)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        Require.paramName(a, "param_name", "gamma");
        paramShape(x, a);
        return List.of(x);
    }

    @Override
    public List<ParamSpec> parameters(List<Shape> inputs, Attributes a) {
        return List.of(ParamSpec.weight(a.getString("param_name", "gamma"), paramShape(inputs.get(0), a),
                Init.constant(1e-6)));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Shape s = x.shape();
        int axis = axis(s, call.attributes());
        int channels = s.dim(axis);
        int inner = (int) s.sizeOf(axis + 1, s.rank());
        int outer = (int) s.sizeOf(0, axis);
        float[] gamma = call.param(call.attributes().getString("param_name", "gamma")).data();
        Tensor y = call.newOutput(0);
        Parallel.forRange(outer, o -> {
            for (int c = 0; c < channels; c++) {
                int base = (o * channels + c) * inner;
                for (int i = 0; i < inner; i++) {
                    y.data()[base + i] = x.data()[base + i] * gamma[c];
                }
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("last axis", Attributes.empty(), Shape.of(2, 3, 4, 5)),
                LayerExample.of("channels first [C,1,1]", Attributes.builder().put("axis", 1).build(),
                        Shape.of(2, 3, 4, 5)),
                LayerExample.of("explicit [1,1,C]", Attributes.builder().put("param_shape", 1, 1, 6)
                        .put("param_name", "ls").build(), Shape.of(2, 5, 6)));
    }

    private static int axis(Shape x, Attributes a) {
        return LayerChecks.axis("axis", a.getInt("axis", -1), x.rank());
    }

    private static Shape paramShape(Shape x, Attributes a) {
        int axis = axis(x, a);
        int channels = x.dim(axis);
        if (!a.has("param_shape")) {
            int[] dims = new int[x.rank() - axis];
            Arrays.fill(dims, 1);
            dims[0] = channels;
            return Shape.of(dims);
        }
        int[] dims = a.getInts("param_shape");
        // Right-aligned against x, as broadcasting aligns it: C exactly at the axis, 1 elsewhere.
        boolean fits = dims.length <= x.rank() && dims.length >= x.rank() - axis;
        for (int i = 0; fits && i < dims.length; i++) {
            int xAxis = x.rank() - dims.length + i;
            fits = dims[i] == (xAxis == axis ? channels : 1);
        }
        if (!fits) {
            throw new ShapeException("attribute 'param_shape' = " + Arrays.toString(dims) + " does not scale axis "
                    + axis + " (" + channels + " channels) of input x " + x + "; it must broadcast with "
                    + channels + " at that axis and 1 elsewhere");
        }
        return Shape.of(dims);
    }
}
