package dev.strix.layers.shape;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.Arrays;
import java.util.List;

/** torch.permute: output dim i is input dim dims[i] (negative dims count from the end). */
public final class Permute implements LayerType {
    @Override
    public String name() {
        return "permute";
    }

    @Override
    public String description() {
        return "reorders dimensions";
    }

    static int[] dims(Shape x, Attributes a) {
        int[] raw = a.getInts("dims");
        if (raw.length != x.rank()) {
            throw new ShapeException("attribute 'dims' " + Arrays.toString(raw) + " must list all " + x.rank()
                    + " dims of input " + x);
        }
        int[] dims = new int[raw.length];
        boolean[] seen = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            dims[i] = LayerChecks.axis("dims", raw[i], x.rank());
            if (seen[dims[i]]) {
                throw new ShapeException("attribute 'dims' " + Arrays.toString(raw) + " is not a permutation");
            }
            seen[dims[i]] = true;
        }
        return dims;
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        int[] p = dims(x, a);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = x.dim(p[i]);
        }
        return List.of(Shape.of(out));
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor x = call.input(0);
        int[] p = dims(x.shape(), call.attributes());
        int[] inStrides = Strided.strides(x.shape().toArray());
        int[] strides = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            strides[i] = inStrides[p[i]];
        }
        Tensor y = call.newOutput(0);
        Strided.gather(x.data(), 0, strides, y.shape().toArray(), y.data());
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("NCHW to NHWC", Attributes.builder().put("dims", 0, 2, 3, 1).build(),
                Shape.of(2, 3, 4, 5)), LayerExample.of("swap last two", Attributes.builder().put("dims", 0, -1, -2)
                .build(), Shape.of(2, 3, 5)));
    }
}
