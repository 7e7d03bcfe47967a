package dev.strix.aparapi.session;

import dev.strix.aparapi.device.Target;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.AbstractSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A graph compiled for Aparapi: fixed Java arrays for every activation, one Aparapi kernel instance per launch
 * (weights uploaded once), host steps for layer types without a kernel. Aparapi may move a kernel off OpenCL
 * silently; the session checks after every launch and reports where each one ran ({@link #kernels()},
 * {@link #modeCounts()}, and {@link #device()} in words), or fails when the caller required OpenCL.
 *
 * <p>Used by one thread at a time (a second concurrent {@code run} fails); closing disposes every kernel.
 */
public final class AparapiSession extends AbstractSession {
    private final Target target;
    private final ModeRequest request;
    private final List<float[]> inputs;
    private final List<float[]> outputs;
    private final List<Shape> outputShapes;
    private final List<Runnable> steps;

    AparapiSession(Graph graph, Target target, ModeRequest request, List<float[]> inputs, List<float[]> outputs,
            List<Runnable> steps) {
        super(graph);
        this.target = target;
        this.request = request;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.outputShapes = graph.outputs().stream().map(v -> v.shape()).toList();
        this.steps = List.copyOf(steps);
    }

    @Override
    public String backend() {
        return AparapiKernel.BACKEND;
    }

    /**
     * The target and where the kernels run, e.g. {@code "Aparapi opencl:0 pthread-… (Portable Computing Language);
     * kernels: 52 opencl, 0 jtp, 1 host"}.
     */
    @Override
    public String device() {
        Map<Mode, Long> counts = modeCounts();
        return "Aparapi " + target.id() + " " + target.description() + "; kernels: " + counts.get(Mode.OPENCL)
                + " opencl, " + counts.get(Mode.JTP) + " jtp, " + counts.get(Mode.HOST) + " host";
    }

    /** The device the session was compiled for (kernels may still have fallen back; see {@link #kernels()}). */
    public Target target() {
        return target;
    }

    /** The mode the caller asked for with {@value ModeRequest#OPTION}. */
    public ModeRequest request() {
        return request;
    }

    /** Every step in run order with where it ran (or will run, before the first run) and why it fell back. */
    public List<KernelReport> kernels() {
        List<KernelReport> out = new ArrayList<>();
        for (Runnable s : steps) {
            if (s instanceof Launch l) {
                Mode m = l.ranIn() != null ? l.ranIn() : l.plannedMode();
                out.add(new KernelReport(l.node(), l.kernelName(), m, l.fallbackReason(), l.lastNanos() / 1e6));
            } else if (s instanceof HostStep h) {
                out.add(new KernelReport(h.node().name(), h.node().type().name(), Mode.HOST, "", h.lastNanos() / 1e6));
            }
        }
        return out;
    }

    /**
     * A table for {@code strix summary}: one line per step with its node, kernel, mode (where it ran last, or where
     * it is set to run before the first run), last wall time and any fallback reason, after a header with
     * {@link #device()}.
     */
    public String describe() {
        StringBuilder b = new StringBuilder(device()).append('\n');
        b.append(String.format(java.util.Locale.ROOT, "%-40s %-20s %-7s %10s%n", "node", "kernel", "mode", "last ms"));
        for (KernelReport r : kernels()) {
            b.append(String.format(java.util.Locale.ROOT, "%-40s %-20s %-7s %10.3f%n", r.node(), r.kernel(),
                    r.mode().label(), r.lastMillis()));
            if (!r.fallbackReason().isEmpty()) {
                b.append("    fell back: ").append(r.fallbackReason()).append('\n');
            }
        }
        return b.toString();
    }

    /** How many steps run in each mode (every mode present, possibly 0). */
    public Map<Mode, Long> modeCounts() {
        Map<Mode, Long> counts = new EnumMap<>(Mode.class);
        for (Mode m : Mode.values()) {
            counts.put(m, 0L);
        }
        for (KernelReport r : kernels()) {
            counts.merge(r.mode(), 1L, Long::sum);
        }
        return counts;
    }

    @Override
    protected List<Tensor> execute(List<Tensor> in) {
        for (int i = 0; i < in.size(); i++) {
            float[] src = in.get(i).data();
            System.arraycopy(src, 0, inputs.get(i), 0, src.length);
        }
        for (Runnable s : steps) {
            s.run();
        }
        List<Tensor> result = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            result.add(Tensor.of(outputShapes.get(i), outputs.get(i).clone()));
        }
        return result;
    }

    @Override
    protected void release() {
        for (Runnable s : steps) {
            if (s instanceof Launch l) {
                l.close();
            }
        }
    }
}
