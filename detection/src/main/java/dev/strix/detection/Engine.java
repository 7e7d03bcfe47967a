package dev.strix.detection;

import dev.strix.api.DeviceException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;

/**
 * What compiles sessions for a detector: a backend, the model's weights and the session options (device). The
 * FCN method compiles one session per input size, so the detector keeps this rather than one session.
 *
 * @param backend the backend
 * @param weights the model's weights
 * @param options the device and backend options
 */
public record Engine(Backend backend, Weights weights, SessionOptions options) {

    /**
     * The backend called {@code backendName} in {@code registry}, or the best available one when it is null.
     */
    public static Engine of(Registry registry, String backendName, Weights weights, String device) {
        Backend b = backendName == null ? registry.bestBackend()
                .orElseThrow(() -> new DetectionException("no backend is available; registered: "
                        + String.join(", ", registry.backends().keySet())))
                : registry.backend(backendName);
        if (!b.availability().available()) {
            throw new DeviceException("backend '" + b.name() + "' is not available here: " + b.availability().reason());
        }
        return new Engine(b, weights, SessionOptions.defaults().withDevice(device));
    }

    /** A session for {@code graph} with this engine's weights. */
    public Session compile(Graph graph) {
        return backend.compile(graph, weights, options);
    }

    /** A session for {@code graph} with other weights (a converted model's). */
    public Session compile(Graph graph, Weights other) {
        return backend.compile(graph, other, options);
    }
}
