package dev.strix.layers.attention;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import dev.strix.layers.Layers;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Helpers over {@link Layers}' one-node graphs: running a graph with given weights (index buffers included), and
 * asserting that a bad configuration fails when the graph is built, with a message a user can act on.
 */
public final class TestGraphs {
    private TestGraphs() {}

    /** Runs {@code g} once on the reference backend. */
    public static List<Tensor> run(Graph g, Weights w, List<Tensor> inputs) {
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            return s.run(inputs);
        }
    }

    /**
     * Asserts that a one-node graph of {@code layer} over {@code input} is rejected with a {@link ShapeException}
     * whose message names the node, the layer type and every fragment given (attribute names, values).
     */
    public static void rejects(String layer, Attributes attributes, Shape input, String... fragments) {
        String[] expected = Stream.concat(Stream.of("node '" + Layers.NODE + "'", layer), Arrays.stream(fragments))
                .toArray(String[]::new);
        assertThatThrownBy(() -> Layers.graph(layer, attributes, input)).isInstanceOf(ShapeException.class)
                .message().contains(expected);
    }
}
