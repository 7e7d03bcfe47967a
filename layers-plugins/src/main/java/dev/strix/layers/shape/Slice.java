package dev.strix.layers.shape;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * x[..., start:end:step, ...] along {@code axis}. Negative start and end count from the end; a range outside the
 * dim is an error rather than clamped, so a wrong model fails where it is built.
 */
public final class Slice implements LayerType {
    @Override
    public String name() {
        return "slice";
    }

    @Override
    public String description() {
        return "takes start:end:step along an axis";
    }

    /** axis, start, count and step, validated against {@code x}. */
    private record Range(int axis, int start, int count, int step) {
        static Range of(Shape x, Attributes a) {
            int axis = LayerChecks.axis("axis", a.getInt("axis"), x.rank());
            int dim = x.dim(axis);
            int start = a.getInt("start");
            int end = a.getInt("end");
            int step = LayerChecks.positive(a, "step", 1);
            int s = start < 0 ? start + dim : start;
            int e = end < 0 ? end + dim : end;
            if (s < 0 || s >= dim) {
                throw new ShapeException("attribute 'start' = " + start + " is outside dim " + dim + " of input " + x);
            }
            if (e <= s || e > dim) {
                throw new ShapeException("attribute 'end' = " + end + " must lie after 'start' = " + start
                        + " and within dim " + dim + " of input " + x);
            }
            return new Range(axis, s, (e - s + step - 1) / step, step);
        }
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 1, "");
        Range r = Range.of(x, a);
        return List.of(x.with(r.axis(), r.count()));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Range r = Range.of(x.shape(), call.attributes());
        int[] strides = Strided.strides(x.shape().toArray());
        int offset = r.start() * strides[r.axis()];
        strides[r.axis()] *= r.step();
        Tensor y = call.newOutput(0);
        Strided.gather(x.data(), offset, strides, y.shape().toArray(), y.data());
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("channels 1:4", Attributes.builder().put("axis", 1).put("start", 1)
                .put("end", 4).build(), Shape.of(2, 5, 3, 3)), LayerExample.of("last axis, step 2, negative",
                Attributes.builder().put("axis", -1).put("start", -7).put("end", -1).put("step", 2).build(),
                Shape.of(2, 3, 8)));
    }
}
