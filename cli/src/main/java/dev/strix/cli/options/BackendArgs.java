package dev.strix.cli.options;

import dev.strix.api.DeviceException;
import dev.strix.api.UnknownNameException;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --backend} and {@code --device}. Without {@code --backend} the available backend with the highest priority
 * runs and the choice, with every better one passed over and why, is reported on standard error.
 */
public final class BackendArgs {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend: reference, opencl, aparapi... (default: the best available, reported on stderr).")
    private String backend;

    @Option(names = "--device", paramLabel = "ID",
            description = "Device id or name as `strix devices` lists them (default: strix.device, STRIX_DEVICE, "
                    + "then the backend's best).")
    private String device;

    /** The backend named, or the best available. An unknown name is bad usage; an unavailable one a failure. */
    public Backend choose(Registry registry, CommandSpec spec, PrintWriter err) {
        if (backend != null) {
            Backend b = named(registry, spec, backend);
            Availability a = b.availability();
            if (!a.available()) {
                throw new DeviceException("backend '" + backend + "' is not available here: " + a.reason());
            }
            return b;
        }
        Backend best = registry.bestBackend().orElseThrow(() -> new DeviceException(
                "no backend is available; registered: " + String.join(", ", registry.backends().keySet())));
        List<String> passedOver = new ArrayList<>();
        registry.backends().values().stream()
                .filter(b -> b.priority() > best.priority())
                .sorted(Comparator.comparingInt(Backend::priority).reversed())
                .forEach(b -> passedOver.add(b.name() + " unavailable: " + b.availability().reason()));
        err.println("strix: using backend '" + best.name() + "' (best available"
                + (passedOver.isEmpty() ? "" : "; " + String.join("; ", passedOver)) + ")");
        err.flush();
        return best;
    }

    /** The backend called {@code name}, whether available or not; an unknown name is bad usage. */
    public static Backend named(Registry registry, CommandSpec spec, String name) {
        try {
            return registry.backend(name);
        } catch (UnknownNameException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, name);
        }
    }

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A backend session option, repeatable: opencl.gemm=local, opencl.tune.RM=4, "
                    + "opencl.profile=true, aparapi.mode=opencl...")
    private Map<String, String> options = new LinkedHashMap<>();

    /** Session options with the device and the options asked for. */
    public SessionOptions sessionOptions() {
        SessionOptions o = SessionOptions.defaults().withDevice(device);
        for (Map.Entry<String, String> e : options.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    /** The session options asked for with --option, in order. */
    public Map<String, String> options() {
        return Map.copyOf(options);
    }

    /** The device asked for with --device, or null. */
    public String device() {
        return device;
    }
}
