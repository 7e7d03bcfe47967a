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

/** torch.cat of one or more inputs along {@code axis} (default 1); all other dims must agree. */
public final class Concat implements LayerType {
    @Override
    public String name() {
        return "concat";
    }

    @Override
    public String description() {
        return "concatenates inputs along an axis (default 1)";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        if (inputs.isEmpty()) {
            throw new ShapeException("takes at least one input, got none");
        }
        Shape first = inputs.get(0);
        int axis = LayerChecks.axis("axis", a.getInt("axis", 1), first.rank());
        int total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            if (s.rank() != first.rank() || !s.with(axis, 1).equals(first.with(axis, 1))) {
                throw new ShapeException("input " + i + " " + s + " does not match input 0 " + first
                        + " outside 'axis' = " + a.getInt("axis", 1));
            }
            total += s.dim(axis);
        }
        return List.of(first.with(axis, total));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor y = call.newOutput(0);
        Shape s = y.shape();
        int axis = LayerChecks.axis("axis", call.attributes().getInt("axis", 1), s.rank());
        int inner = (int) s.sizeOf(axis + 1, s.rank());
        int outer = (int) s.sizeOf(0, axis);
        int outRow = s.dim(axis) * inner;
        int offset = 0;
        for (Tensor x : call.inputs()) {
            int row = x.shape().dim(axis) * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x.data(), o * row, y.data(), o * outRow + offset, row);
            }
            offset += row;
        }
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("channels", Attributes.empty(), Shape.of(2, 3, 4, 4), Shape.of(2, 5, 4, 4),
                        Shape.of(2, 1, 4, 4)),
                LayerExample.of("last axis", Attributes.builder().put("axis", -1).build(), Shape.of(2, 3, 4),
                        Shape.of(2, 3, 2)));
    }
}
