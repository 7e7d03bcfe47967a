package dev.strix.cli.summary;

import dev.strix.api.graph.Graph;
import dev.strix.api.spi.SessionOptions;
import java.util.Map;

/**
 * How a backend shows its memory plan in {@code strix summary MODEL --backend NAME}. The api has no notion of a
 * plan, so this extension point lives here, in the one module allowed to know every backend: an implementation in
 * this module (or in any jar on the command's class path) is listed in
 * {@code META-INF/services/dev.strix.cli.summary.PlanDescriber} and is asked for the backend whose name it returns.
 */
public interface PlanDescriber {

    /** The backend this describes, as registered ({@code opencl}). */
    String backend();

    /**
     * The plan for {@code graph} on the device {@code options} selects: ordered facts (buffers, their sizes, the
     * peak) printed as {@code key: value} lines in the table form and as the object {@code plan} in JSON. Values
     * are strings, numbers, lists or maps that Jackson can write.
     */
    Map<String, Object> describe(Graph graph, SessionOptions options);
}
