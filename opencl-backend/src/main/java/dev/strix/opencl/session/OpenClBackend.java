package dev.strix.opencl.session;

import dev.strix.api.Strix;
import dev.strix.api.StrixException;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.BoundWeights;
import dev.strix.api.weights.WeightBinder;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.DeviceDiscovery;
import dev.strix.opencl.device.DeviceSelector;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Tuning;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The OpenCL backend: compiles graphs for any OpenCL device through JOCL. Devices are discovered on first use,
 * never in the constructor. Sessions on one device share its context and program cache; closing the backend
 * releases them.
 *
 * <p>Session options: {@code opencl.gemm} = {@code register} | {@code local} | {@code block} forces a GEMM kernel;
 * {@code opencl.profile} = {@code true} records device time per step and kernel ({@link OpenClSession#profile()});
 * {@code opencl.tune.<NAME>} = integer overrides a tunable of {@link Tuning}.
 */
@Singleton
public final class OpenClBackend implements Backend, AutoCloseable {
    public static final String NAME = OpenClKernel.BACKEND;
    /** Above the reference (0) and Aparapi backends. */
    public static final int PRIORITY = 100;

    private final Supplier<Collection<? extends BackendKernel>> kernelSource;
    private volatile DeviceDiscovery.Result discovery;
    private volatile Map<String, OpenClKernel> kernels;
    private final Map<ClDevice, ClContext> contexts = new ConcurrentHashMap<>();

    /** A backend whose kernels are those of {@link Strix#registry()}, read on first compile. */
    public OpenClBackend() {
        this(() -> Strix.registry().backendKernels());
    }

    /** A backend with the kernels a registry holds (how the plugin's Guice module builds it). */
    @Inject
    public OpenClBackend(java.util.Set<BackendKernel> kernels) {
        this(() -> kernels);
    }

    /** A backend with the given kernels (those of other backends are ignored). */
    public OpenClBackend(Supplier<Collection<? extends BackendKernel>> kernels) {
        this.kernelSource = kernels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    private DeviceDiscovery.Result discovery() {
        DeviceDiscovery.Result d = discovery;
        if (d == null) {
            synchronized (this) {
                d = discovery;
                if (d == null) {
                    d = DeviceDiscovery.discover();
                    discovery = d;
                }
            }
        }
        return d;
    }

    @Override
    public Availability availability() {
        DeviceDiscovery.Result d = discovery();
        if (!d.devices().isEmpty()) {
            return Availability.yes();
        }
        return Availability.no("no usable OpenCL device: " + d.problems().stream()
                .map(p -> p.name() + ": " + p.availability().reason()).collect(Collectors.joining("; ")));
    }

    @Override
    public List<DeviceInfo> devices() {
        return discovery().report();
    }

    /** The usable devices in discovery order. */
    public List<ClDevice> clDevices() {
        return discovery().devices();
    }

    /** The device {@code options} selects (explicit, {@code strix.device}, {@code STRIX_DEVICE}, else the best). */
    public ClDevice select(SessionOptions options) {
        return DeviceSelector.select(clDevices(), options.requestedDevice());
    }

    /** The shared context of {@code device}, created on first use. */
    public ClContext context(ClDevice device) {
        return contexts.computeIfAbsent(device, ClContext::new);
    }

    /** The kernel this backend uses for each layer type. */
    public Map<String, OpenClKernel> kernels() {
        Map<String, OpenClKernel> k = kernels;
        if (k == null) {
            Map<String, OpenClKernel> m = new LinkedHashMap<>();
            for (BackendKernel b : kernelSource.get()) {
                if (b instanceof OpenClKernel ok && NAME.equals(b.backend())) {
                    m.put(ok.layerType(), ok);
                }
            }
            k = Map.copyOf(m);
            kernels = k;
        }
        return k;
    }

    @Override
    public Session compile(Graph graph, Weights weights, SessionOptions options) {
        return compileOpenCl(graph, weights, options);
    }

    /** {@link #compile} with the OpenCL session type, for callers that want its memory plan or description. */
    public OpenClSession compileOpenCl(Graph graph, Weights weights, SessionOptions options) {
        ClDevice device = select(options);
        Map<String, OpenClKernel> k = kernels();
        Graph lowered = graph.lowered(n -> k.containsKey(n.type().name()));
        BoundWeights bound = WeightBinder.bind(lowered, weights);
        Tuning tuning = Tuning.forDevice(device, overrides(options));
        List<PlannedNode> plan = new FusionPlanner(lowered, bound, node -> {
            OpenClKernel kernel = k.get(node.type().name());
            return kernel != null && kernel.supports(node, device) ? kernel : null;
        }, tuning).plan();
        return new OpenClSession(lowered, plan, context(device), tuning, profiling(options));
    }

    private static boolean profiling(SessionOptions options) {
        return options.option("opencl.profile").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StrixException("option opencl.profile must be 'true' or 'false', got '" + v + "'");
        }).orElse(false);
    }

    private static Map<String, Integer> overrides(SessionOptions options) {
        Map<String, Integer> o = new HashMap<>();
        options.option("opencl.gemm").ifPresent(g -> {
            int kind = switch (g) {
                case "register" -> 0;
                case "local" -> 1;
                case "block" -> 2;
                default -> throw new StrixException("option opencl.gemm must be 'register', 'local' or 'block', got '"
                        + g + "'");
            };
            // A forced kernel runs every product, whatever the table chose for row-major ones.
            o.put("GEMM_KIND", kind);
            o.put("GEMM_KIND_ROWS", kind);
        });
        options.extra().forEach((key, value) -> {
            if (key.startsWith("opencl.tune.")) {
                try {
                    o.put(key.substring("opencl.tune.".length()), Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new StrixException("option " + key + " must be an integer, got '" + value + "'");
                }
            }
        });
        return o;
    }

    /** Releases every context (and its programs). Sessions must be closed first. */
    @Override
    public void close() {
        contexts.values().forEach(ClContext::close);
        contexts.clear();
    }
}
