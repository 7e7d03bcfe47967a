package dev.strix.api.reference;

import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.WeightBinder;
import dev.strix.api.weights.Weights;
import java.util.List;
import java.util.Map;

/**
 * The oracle: runs any graph by calling each layer type's reference forward in plain Java, composites expanded.
 * Always available; every other backend is tested against it.
 */
public final class ReferenceBackend implements Backend {
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public List<DeviceInfo> devices() {
        int threads = Runtime.getRuntime().availableProcessors();
        return List.of(new DeviceInfo("java", "Java reference executor", System.getProperty("java.vendor"), "JAVA",
                "Java " + Runtime.version(), threads, Runtime.getRuntime().maxMemory(), Availability.yes(),
                Map.of("threads", String.valueOf(threads))));
    }

    @Override
    public Session compile(Graph graph, Weights weights, SessionOptions options) {
        Graph lowered = graph.lowered();
        return new ReferenceSession(lowered, WeightBinder.bind(lowered, weights));
    }
}
