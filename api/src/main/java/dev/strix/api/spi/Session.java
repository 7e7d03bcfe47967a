package dev.strix.api.spi;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import java.util.List;

/**
 * A graph compiled for one device with its weights in place. One thread at a time: concurrent use fails with an
 * exception rather than corrupting results. Closing frees everything the session allocated.
 */
public interface Session extends AutoCloseable {

    /** The graph this session runs (after any lowering the backend did). */
    Graph graph();

    /** Name of the backend that compiled it. */
    String backend();

    /** The device it runs on, in words. */
    String device();

    /** Runs the graph on {@code inputs} (one per graph input, in order) and returns its outputs in order. */
    List<Tensor> run(List<Tensor> inputs);

    /** Runs a single-input, single-output graph. */
    default Tensor run(Tensor input) {
        List<Tensor> out = run(List.of(input));
        return out.get(0);
    }

    @Override
    void close();
}
