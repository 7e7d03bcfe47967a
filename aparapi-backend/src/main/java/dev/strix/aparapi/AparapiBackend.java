package dev.strix.aparapi;

import dev.strix.aparapi.device.AparapiDevices;
import dev.strix.aparapi.device.Target;
import dev.strix.aparapi.layers.BuiltinKernels;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.runtime.Transfers;
import dev.strix.aparapi.session.AparapiSession;
import dev.strix.aparapi.session.SessionBuilder;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.api.DeviceException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Aparapi backend ({@value #NAME}): every layer as a Java kernel that Aparapi translates to OpenCL for a device,
 * or runs on its Java thread pool where there is none. Priority {@value #PRIORITY}: above the reference backend,
 * below the hand-written OpenCL one.
 *
 * <p>Session options: the device ({@code opencl:N}, an index, a name fragment such as {@code pocl}, or {@code jtp})
 * and {@value ModeRequest#OPTION} = {@code opencl} | {@code jtp} | {@code any} (default; also read from the system
 * property {@value ModeRequest#PROPERTY} or the variable {@value ModeRequest#VARIABLE}). With {@code opencl} a kernel
 * that cannot run as OpenCL is an error naming the kernel, node and reason instead of a silent move to the thread
 * pool. {@value Transfers#OPTION} = {@code auto} (default) | {@code explicit} chooses how arrays reach the device
 * ({@link Transfers}). Touches no device until {@link #devices()} or {@link #compile} is called.
 */
public final class AparapiBackend implements Backend {
    public static final String NAME = AparapiKernel.BACKEND;
    public static final int PRIORITY = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Always available: without an OpenCL device the kernels run on the Java thread pool. */
    @Override
    public Availability availability() {
        return Availability.yes();
    }

    /** The OpenCL devices Aparapi sees (details.mode = opencl), then the Java thread pool (details.mode = jtp). */
    @Override
    public List<DeviceInfo> devices() {
        return AparapiDevices.get().infos();
    }

    @Override
    public AparapiSession compile(Graph graph, Weights weights, SessionOptions options) {
        ModeRequest request = ModeRequest.resolve(options.option(ModeRequest.OPTION).orElse(null));
        Target target = target(request, options);
        if (Transfers.parse(options.option(Transfers.OPTION).orElse(null)) == Transfers.EXPLICIT) {
            target = target.withExplicitTransfers();
        }
        return new SessionBuilder(kernels(graph)).build(graph, weights, target, request);
    }

    private static Target target(ModeRequest request, SessionOptions options) {
        String device = options.requestedDevice().orElse(null);
        if (request == ModeRequest.JTP) {
            return Target.threadPool();
        }
        AparapiDevices devices = AparapiDevices.get();
        Target t = devices.select(device);
        if (request == ModeRequest.OPENCL && t.device() == null) {
            throw new DeviceException("aparapi: " + ModeRequest.OPTION + "=opencl but "
                    + (device == null ? "there is no OpenCL device" : "device '" + device + "' is the Java thread pool")
                    + (devices.problem().isEmpty() ? "" : " (" + devices.problem() + ")"));
        }
        return t;
    }

    /** The built-in kernels, overridden or extended by the kernels plugins contribute through the registry. */
    private static Map<String, AparapiKernel> kernels(Graph graph) {
        Map<String, AparapiKernel> byType = new HashMap<>();
        for (AparapiKernel k : BuiltinKernels.all()) {
            byType.put(k.layerType(), k);
        }
        if (graph.layers() instanceof Registry r) {
            for (AparapiKernel k : r.backendKernels(NAME, AparapiKernel.class)) {
                byType.put(k.layerType(), k);
            }
        }
        return byType;
    }
}
