package dev.strix.cli.summary;

import dev.strix.api.StrixException;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.opencl.memory.MemoryPlan;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenCL backend's plan: the device, the steps (what each node became after folding and fusion) and the memory
 * plan with its peak. A plan needs a compiled session; weight values do not change it, so seeded ones serve.
 */
public final class OpenClPlanDescriber implements PlanDescriber {
    @Override
    public String backend() {
        return OpenClBackend.NAME;
    }

    @Override
    public Plan describe(Backend backend, Graph graph, SessionOptions options) {
        if (!(backend instanceof OpenClBackend opencl)) {
            throw new StrixException("backend '" + backend.name() + "' is " + backend.getClass().getName()
                    + ", not the OpenCL backend this plan describer knows");
        }
        try (OpenClSession s = opencl.compileOpenCl(graph, Initializers.initialize(graph, 0), options)) {
            MemoryPlan plan = s.memoryPlan();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("device", s.device());
            facts.put("steps", s.steps().size());
            facts.put("weight_bytes", s.weightBytes());
            facts.put("peak_bytes", plan.peakBytes());
            facts.put("unshared_bytes", plan.unsharedBytes());
            facts.put("slots", plan.slots());
            List<Map<String, Object>> tensors = plan.tensors().stream().map(OpenClPlanDescriber::tensor).toList();
            facts.put("tensors", tensors);
            return new Plan(s.describe(), facts);
        }
    }

    private static Map<String, Object> tensor(MemoryPlan.Assignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("bytes", a.bytes());
        m.put("slot", a.slot());
        m.put("first_step", a.first());
        m.put("last_step", a.last() == Integer.MAX_VALUE ? null : a.last());
        return m;
    }
}
