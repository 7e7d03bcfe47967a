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

/**
 * Reshape to {@code shape}: 0 copies the input's dim at that position (so a graph keeps its batch symbolic and
 * {@code Graph.withBatch} works), −1 is inferred from the rest (at most one). The data does not move.
 */
public final class Reshape implements LayerType {
    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public String description() {
        return "reshape; 0 copies the input dim, -1 is inferred";
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        int[] spec = a.getInts("shape");
        int[] dims = new int[spec.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < spec.length; i++) {
            int d = spec[i];
            if (d == 0) {
                if (i >= x.rank()) {
                    throw new ShapeException("attribute 'shape' " + Arrays.toString(spec) + " copies dim " + i
                            + " (0) but the input " + x + " has rank " + x.rank());
                }
                d = x.dim(i);
            } else if (d == -1) {
                if (inferred >= 0) {
                    throw new ShapeException("attribute 'shape' " + Arrays.toString(spec) + " has more than one -1");
                }
                inferred = i;
                continue;
            } else if (d < 0) {
                throw new ShapeException("attribute 'shape' " + Arrays.toString(spec) + " has size " + d
                        + "; sizes are positive, 0 (copy) or -1 (infer)");
            }
            dims[i] = d;
            known *= d;
        }
        if (inferred >= 0) {
            if (x.size() % known != 0) {
                throw new ShapeException("attribute 'shape' " + Arrays.toString(spec) + " cannot hold the "
                        + x.size() + " elements of input " + x);
            }
            dims[inferred] = (int) (x.size() / known);
        }
        Shape out = Shape.of(dims);
        if (out.size() != x.size()) {
            throw new ShapeException("attribute 'shape' " + Arrays.toString(spec) + " gives " + out + " with "
                    + out.size() + " elements, but input " + x + " has " + x.size());
        }
        return List.of(out);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        return List.of(call.input(0).reshape(call.outputShapes().get(0)));
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(LayerExample.of("keep batch, infer", Attributes.builder().put("shape", 0, 4, -1).build(),
                Shape.of(2, 8, 3)));
    }
}
