package dev.strix.cli.summary;

import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import java.util.LinkedHashMap;
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
     * The plan for {@code graph} on the device {@code options} selects.
     *
     * @param backend the registry's instance of {@link #backend()}, with every plugin's kernels
     */
    Plan describe(Backend backend, Graph graph, SessionOptions options);

    /**
     * A plan as the two output forms show it.
     *
     * @param text lines for the table form (buffers, their sizes, the peak)
     * @param facts the object {@code plan} of the JSON form: strings, numbers, lists or maps Jackson can write
     */
    record Plan(String text, Map<String, Object> facts) {
        public Plan {
            facts = new LinkedHashMap<>(facts);
        }
    }
}
