package dev.strix.benchmarks;

import dev.strix.api.spi.Session;
import dev.strix.opencl.session.OpenClSession;
import dev.strix.opencl.session.PlannedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which layers of a compiled OpenCL session fall back to the host (their reference forward, with a download and
 * an upload around each): the first place to look when Strix is slow on a model.
 */
public final class HostSteps {
    private HostSteps() {}

    /** The host steps of {@code session} by layer type ("gelu ×12"); empty for other backends. */
    public static List<String> of(Session session) {
        if (!(session instanceof OpenClSession ocl)) {
            return List.of();
        }
        List<String> hostTypes = new ArrayList<>();
        for (PlannedNode p : ocl.steps()) {
            if ("host".equals(p.mode())) {
                hostTypes.add(p.node().type().name());
            }
        }
        return summarize(hostTypes);
    }

    /** Counts of each layer type, sorted by name: ["gelu ×2", "softmax ×1"]. */
    static List<String> summarize(List<String> layerTypes) {
        Map<String, Integer> counts = new TreeMap<>();
        layerTypes.forEach(t -> counts.merge(t, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        counts.forEach((t, n) -> out.add(t + " ×" + n));
        return out;
    }
}
