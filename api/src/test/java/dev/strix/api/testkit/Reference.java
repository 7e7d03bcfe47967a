package dev.strix.api.testkit;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import java.util.List;

/** The oracle's answer: a graph run once on the reference backend, the session closed again. */
public final class Reference {
    private Reference() {}

    /** Every output of {@code graph} for {@code inputs}. */
    public static List<Tensor> run(Graph graph, Weights weights, List<Tensor> inputs) {
        try (Session s = new ReferenceBackend().compile(graph, weights, SessionOptions.defaults())) {
            return s.run(inputs);
        }
    }

    /** The single output of a single-input {@code graph}. */
    public static Tensor run(Graph graph, Weights weights, Tensor input) {
        try (Session s = new ReferenceBackend().compile(graph, weights, SessionOptions.defaults())) {
            return s.run(input);
        }
    }
}
