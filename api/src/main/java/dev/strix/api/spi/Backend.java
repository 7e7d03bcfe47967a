package dev.strix.api.spi;

import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Weights;
import java.util.List;

/**
 * Compiles a graph and its weights for one device into a {@link Session}: plans memory, folds and fuses, picks
 * kernels. Implementations must not touch devices in their constructor; discovery happens on first use.
 */
public interface Backend {

    /** Registry name: {@code reference}, {@code opencl}, {@code aparapi} … */
    String name();

    /** Preference when the caller names no backend: the available backend with the highest priority runs. */
    int priority();

    /** Whether this backend can run here; the reason when not. */
    Availability availability();

    /** Devices this backend sees, usable or not (each with its reason). */
    List<DeviceInfo> devices();

    /**
     * Compiles {@code graph} with {@code weights} (checked against the graph: missing and unexpected names are
     * listed together) for the device {@code options} selects.
     */
    Session compile(Graph graph, Weights weights, SessionOptions options);
}
