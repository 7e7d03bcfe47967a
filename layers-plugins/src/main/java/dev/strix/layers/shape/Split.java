package dev.strix.layers.shape;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** torch.split with explicit sizes along {@code axis} (default 1): one output per size; sizes sum to the dim. */
public final class Split implements LayerType {
    @Override
    public String name() {
        return "split";
    }

    @Override
    public String description() {
        return "splits along an axis into parts of the given sizes";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 1, "");
        int axis = LayerChecks.axis("axis", a.getInt("axis", 1), x.rank());
        int[] sizes = LayerChecks.positive("sizes", a.getInts("sizes"));
        if (Arrays.stream(sizes).sum() != x.dim(axis)) {
            throw new ShapeException("attribute 'sizes' " + Arrays.toString(sizes) + " sums to "
                    + Arrays.stream(sizes).sum() + ", not to dim " + x.dim(axis) + " of input " + x + " on 'axis' = "
                    + a.getInt("axis", 1));
        }
        List<Shape> out = new ArrayList<>();
        for (int s : sizes) {
            out.add(x.with(axis, s));
        }
        return out;
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        Shape s = x.shape();
        int axis = LayerChecks.axis("axis", call.attributes().getInt("axis", 1), s.rank());
        int inner = (int) s.sizeOf(axis + 1, s.rank());
        int outer = (int) s.sizeOf(0, axis);
        int inRow = s.dim(axis) * inner;
        List<Tensor> outs = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < call.outputShapes().size(); i++) {
            Tensor y = call.newOutput(i);
            int row = y.shape().dim(axis) * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x.data(), o * inRow + offset, y.data(), o * row, row);
            }
            offset += row;
            outs.add(y);
        }
        return outs;
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("channels 2+3+1", Attributes.builder().put("sizes", 2, 3, 1).build(),
                Shape.of(2, 6, 3, 3)), LayerExample.of("last axis", Attributes.builder().put("axis", -1)
                .put("sizes", 4, 4).build(), Shape.of(2, 3, 8)));
    }
}
