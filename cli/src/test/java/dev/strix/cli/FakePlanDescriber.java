package dev.strix.cli;

import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.cli.summary.PlanDescriber;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plan for the {@code fake} backend, registered in the test resources' service list. */
public final class FakePlanDescriber implements PlanDescriber {
    @Override
    public String backend() {
        return "fake";
    }

    @Override
    public Plan describe(Backend backend, Graph graph, SessionOptions options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend.name());
        m.put("buffers", graph.nodes().size());
        m.put("device", options.device() == null ? "default" : options.device());
        return new Plan("  " + m.get("buffers") + " buffers on " + m.get("device"), m);
    }
}
