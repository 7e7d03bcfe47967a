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

/** torch.flatten: merges dims start_dim..end_dim (defaults 1 and −1) into one. The data does not move. */
public final class Flatten implements LayerType {
    @Override
    public String name() {
        return "flatten";
    }

    @Override
    public String description() {
        return "merges dims start_dim..end_dim into one";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.singleAtLeast(inputs, 1, "");
        int start = LayerChecks.axis("start_dim", a.getInt("start_dim", 1), x.rank());
        int end = LayerChecks.axis("end_dim", a.getInt("end_dim", -1), x.rank());
        if (start > end) {
            throw new ShapeException("attribute 'start_dim' = " + a.getInt("start_dim", 1) + " comes after 'end_dim' = "
                    + a.getInt("end_dim", -1) + " for rank " + x.rank());
        }
        int[] d = x.toArray();
        int[] out = new int[d.length - (end - start)];
        System.arraycopy(d, 0, out, 0, start);
        out[start] = (int) x.sizeOf(start, end + 1);
        System.arraycopy(d, end + 1, out, start + 1, d.length - end - 1);
        return List.of(Shape.of(out));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        return List.of(call.input(0).reshape(call.outputShapes().get(0)));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("from dim 1", Attributes.empty(), Shape.of(2, 3, 2, 2)),
                LayerExample.of("dims 2..3", Attributes.builder().put("start_dim", 2).put("end_dim", 3).build(),
                        Shape.of(2, 3, 2, 2, 2)));
    }
}
