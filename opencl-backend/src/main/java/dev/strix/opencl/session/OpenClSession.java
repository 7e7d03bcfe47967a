package dev.strix.opencl.session;

import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.AbstractSession;
import dev.strix.api.spi.LayerCall;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClQueue;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.kernel.Tuning;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.Allocator;
import dev.strix.opencl.memory.ClBuffer;
import dev.strix.opencl.memory.MemoryPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.cl_event;

/**
 * A graph compiled for one OpenCL device. Weights are uploaded once at compile time; a run is one upload per
 * input, the queue of kernels, and one download per output. Activations live in the slots of a
 * {@link MemoryPlan}. A node without a kernel runs its reference forward on the host — a download and an upload
 * around it — logged once per layer type. One thread at a time (enforced by {@link AbstractSession}).
 */
public final class OpenClSession extends AbstractSession {
    private static final System.Logger LOG = System.getLogger(OpenClSession.class.getName());
    private static final Set<String> HOST_LOGGED = ConcurrentHashMap.newKeySet();

    private final ClContext context;
    private final Tuning tuning;
    private final List<PlannedNode> plan;
    private final Resources resources = new Resources();
    private final ClQueue queue;
    private final List<Step> steps = new ArrayList<>();
    private final List<Io> ios = new ArrayList<>();
    private final Map<String, String> roots = new HashMap<>();
    private final Map<String, ClBuffer> buffers = new HashMap<>();
    private final MemoryPlan memoryPlan;
    private final long weightBytes;
    private final KernelProfile profile;

    OpenClSession(Graph graph, List<PlannedNode> plan, ClContext context, Tuning tuning, boolean profiling) {
        super(graph);
        this.context = context;
        this.tuning = tuning;
        this.plan = List.copyOf(plan);
        this.profile = profiling ? new KernelProfile() : null;
        try {
            this.queue = resources.own(context.newQueue(profiling));
            Allocator allocator = new Allocator(context);
            List<List<Long>> scratch = new ArrayList<>();
            long constants = 0;
            for (PlannedNode p : plan) {
                NodeContext nc = new NodeContext(p, context, allocator, tuning, resources);
                if (p.view()) {
                    steps.add(io -> { });
                } else if (p.kernel() == null) {
                    steps.add(hostStep(p));
                } else {
                    steps.add(p.kernel().prepare(nc));
                }
                scratch.add(nc.scratchBytes());
                constants += p.params().values().stream().mapToLong(t -> t.shape().size() * Float.BYTES).sum();
            }
            this.weightBytes = constants;
            this.memoryPlan = planMemory(graph, scratch);
            List<ClBuffer> slots = new ArrayList<>();
            for (int s = 0; s < memoryPlan.slots().size(); s++) {
                slots.add(resources.own(allocator.allocate(memoryPlan.slots().get(s) / Float.BYTES, "slot " + s)));
            }
            memoryPlan.tensors().forEach(a -> buffers.put(a.name(), slots.get(a.slot())));
            for (int i = 0; i < plan.size(); i++) {
                ios.add(new Io(i, plan.get(i), scratch.get(i).size()));
            }
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private MemoryPlan planMemory(Graph graph, List<List<Long>> scratch) {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (GraphInput in : graph.inputs()) {
            String k = FusionPlanner.key(in.value());
            roots.put(k, k);
            first.put(k, 0);
            last.put(k, 0);
            bytes.put(k, in.shape().size() * Float.BYTES);
        }
        List<MemoryPlan.Assignment> requests = new ArrayList<>();
        for (int s = 0; s < plan.size(); s++) {
            PlannedNode p = plan.get(s);
            int at = s + 1;
            List<Value> reads = new ArrayList<>(p.inputs());
            if (p.residual() != null) {
                reads.add(p.residual());
            }
            for (Value v : reads) {
                last.merge(root(v), at, Math::max);
            }
            for (Value v : p.outputs()) {
                String k = FusionPlanner.key(v);
                if (p.view()) {
                    roots.put(k, root(p.inputs().get(0)));
                } else {
                    roots.put(k, k);
                    first.put(k, at);
                    last.put(k, at);
                    bytes.put(k, v.shape().size() * Float.BYTES);
                }
            }
            for (int j = 0; j < scratch.get(s).size(); j++) {
                requests.add(new MemoryPlan.Assignment(scratchName(p, j), scratch.get(s).get(j), at, at, -1));
            }
        }
        for (Value v : graph.outputs()) {
            last.put(root(v), Integer.MAX_VALUE);
        }
        for (var e : first.entrySet()) {
            requests.add(new MemoryPlan.Assignment(e.getKey(), bytes.get(e.getKey()), e.getValue(),
                    last.get(e.getKey()), -1));
        }
        return MemoryPlan.plan(requests);
    }

    private static String scratchName(PlannedNode p, int j) {
        return p.node().name() + "#scratch" + j;
    }

    private String root(Value v) {
        String r = roots.get(FusionPlanner.key(v));
        if (r == null) {
            throw new StrixException("value " + v + " is read before it is computed");
        }
        return r;
    }

    private ClBuffer buffer(Value v) {
        return buffers.get(root(v));
    }

    /** Runs a node's reference forward on the host: the one place a run leaves the device. */
    private Step hostStep(PlannedNode p) {
        Node n = p.node();
        if (HOST_LOGGED.add(n.type().name())) {
            LOG.log(System.Logger.Level.WARNING, "layer type '" + n.type().name() + "' has no OpenCL kernel on "
                    + context.device().label() + "; it runs on the host, which costs a download and an upload");
        }
        return io -> {
            long start = 0;
            if (profile != null) {
                queue.finish();
                start = System.nanoTime();
            }
            List<Tensor> ins = new ArrayList<>();
            for (int i = 0; i < n.inputs().size(); i++) {
                float[] d = new float[n.inputs().get(i).shape().elementCount()];
                Allocator.read(queue, io.input(i), d);
                ins.add(Tensor.of(n.inputs().get(i).shape(), d));
            }
            List<Tensor> outs = n.type().forward(new LayerCall(n.name(), ins, p.params(), p.indexParams(),
                    n.attributes(), n.outputShapes()));
            for (int k = 0; k < outs.size(); k++) {
                Allocator.write(queue, io.output(k), outs.get(k).data());
            }
            if (profile != null) {
                profile.host(plan.indexOf(p), n.name(), System.nanoTime() - start);
            }
        };
    }

    @Override
    protected List<Tensor> execute(List<Tensor> inputs) {
        Graph g = graph();
        for (int i = 0; i < inputs.size(); i++) {
            Allocator.write(queue, buffer(g.inputs().get(i).value()), inputs.get(i).data());
        }
        List<Tensor> out = new ArrayList<>();
        try {
            for (int s = 0; s < steps.size(); s++) {
                steps.get(s).enqueue(ios.get(s));
            }
            for (Value v : g.outputs()) {
                float[] d = new float[v.shape().elementCount()];
                Allocator.read(queue, buffer(v), d);
                out.add(Tensor.of(v.shape(), d));
            }
        } catch (RuntimeException e) {
            if (profile != null) {
                profile.discard();
            }
            throw e;
        }
        if (profile != null) {
            profile.collect();
        }
        return out;
    }

    @Override
    public String backend() {
        return OpenClBackend.NAME;
    }

    @Override
    public String device() {
        return context.device().label();
    }

    /** Where activations and scratch live, and the peak device memory they take. */
    public MemoryPlan memoryPlan() {
        return memoryPlan;
    }

    /** Bytes of weights and other constants uploaded at compile time (after folding). */
    public long weightBytes() {
        return weightBytes;
    }

    /** The steps: each node that runs, with what it absorbed and how it runs. */
    public List<PlannedNode> steps() {
        return plan;
    }

    /**
     * Device time per step and kernel over the runs so far, when the session was compiled with
     * {@code opencl.profile=true}; empty otherwise.
     */
    public java.util.Optional<KernelProfile> profile() {
        return java.util.Optional.ofNullable(profile);
    }

    /** The tunables used on this device. */
    public Tuning tuning() {
        return tuning;
    }

    /** A report for {@code strix summary --backend opencl}: device, tuning, steps, memory plan. */
    public String describe() {
        Map<String, Node> byName = new HashMap<>();
        graph().nodes().forEach(n -> byName.put(n.name(), n));
        StringBuilder b = new StringBuilder();
        b.append("device: ").append(device()).append('\n');
        b.append("tuning: ").append(tuning).append('\n');
        b.append(String.format(Locale.ROOT, "weights on device: %.2f MiB%n", weightBytes / (1024.0 * 1024.0)));
        b.append("steps (").append(plan.size()).append("):\n");
        for (int s = 0; s < plan.size(); s++) {
            PlannedNode p = plan.get(s);
            b.append(String.format(Locale.ROOT, "  %4d  %-6s %-40s %s%n", s + 1, p.mode(), p.node().name(),
                    p.description(byName)));
        }
        b.append(memoryPlan.describe());
        return b.toString();
    }

    @Override
    protected void release() {
        resources.close();
    }

    /** The buffers of one step. */
    private final class Io implements StepIo {
        private final int step;
        private final PlannedNode p;
        private final ClBuffer[] in;
        private final ClBuffer[] out;
        private final ClBuffer[] scratch;

        Io(int step, PlannedNode p, int scratchCount) {
            this.step = step;
            this.p = p;
            this.in = p.inputs().stream().map(OpenClSession.this::buffer).toArray(ClBuffer[]::new);
            this.out = p.outputs().stream().map(OpenClSession.this::buffer).toArray(ClBuffer[]::new);
            this.scratch = new ClBuffer[scratchCount];
            for (int j = 0; j < scratchCount; j++) {
                scratch[j] = buffers.get(scratchName(p, j));
            }
        }

        @Override
        public ClBuffer input(int i) {
            return in[i];
        }

        @Override
        public ClBuffer output(int i) {
            return out[i];
        }

        @Override
        public ClBuffer residual() {
            if (p.residual() == null) {
                throw new StrixException("node '" + p.node().name() + "' has no fused residual");
            }
            return buffer(p.residual());
        }

        @Override
        public ClBuffer scratch(int index) {
            return scratch[index];
        }

        @Override
        public void launch(ClKernel kernel, long[] global, long[] local) {
            if (profile == null) {
                kernel.launch(queue, global, local);
            } else {
                cl_event event = new cl_event();
                kernel.launch(queue, global, local, event);
                profile.launched(step, p.node().name(), kernel.name(), event);
            }
        }
    }
}
