package dev.strix.layers.activation;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.List;

/**
 * An activation applied to every element independently: one input, the same shape out. A subclass turns its
 * attributes into a scalar function, which also checks them at graph-build time.
 */
public abstract class Elementwise implements LayerType {
    /** Elements per parallel chunk: large enough that scheduling costs nothing next to the work. */
    private static final int CHUNK = 1 << 15;

    /** A float function of one float. */
    @FunctionalInterface
    public interface Function {
        float apply(float x);
    }

    /** The scalar function for these attributes; throws a ShapeException naming a bad attribute. */
    public abstract Function function(Attributes attributes);

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        Shape x = LayerChecks.single(inputs);
        function(a);
        return List.of(x);
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Function f = function(call.attributes());
        float[] in = call.input(0).data();
        Tensor y = call.newOutput(0);
        float[] out = y.data();
        int chunks = (in.length + CHUNK - 1) / CHUNK;
        Parallel.forRange(chunks, c -> {
            int end = Math.min(in.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                out[i] = f.apply(in[i]);
            }
        });
        return List.of(y);
    }

    /** Attribute sets the examples cover; the default is only the defaults. */
    protected List<Attributes> exampleAttributes() {
        return List.of(Attributes.empty());
    }

    @Override
    public List<LayerExample> examples() {
        return exampleAttributes().stream()
                .map(a -> LayerExample.of(a.names().isEmpty() ? "defaults" : a.toString(), a, Shape.of(2, 3, 4, 5)))
                .toList();
    }
}
