package dev.strix.opencl.session;

import dev.strix.opencl.device.ClStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;

/**
 * Device time per step and kernel of a session compiled with {@code opencl.profile=true}, summed over its runs:
 * the queue records each launch's start and end (CL_QUEUE_PROFILING_ENABLE) and the times are read once a run's
 * outputs are downloaded, so profiling adds no wait between kernels. A step that runs on the host is timed on the
 * host after the queue drains.
 */
public final class KernelProfile {
    /**
     * One kernel of one step.
     *
     * @param step the step's position in the session's plan (from 0)
     * @param node the node the step runs
     * @param kernel "file:function", or "host" for a host step
     * @param launches launches over all runs
     * @param nanos device time over all runs
     */
    public record Entry(int step, String node, String kernel, long launches, long nanos) {
        /** Milliseconds per run. */
        public double msPerRun(int runs) {
            return nanos / 1e6 / Math.max(1, runs);
        }
    }

    private record Key(int step, String node, String kernel) {}

    private record Pending(Key key, cl_event event) {}

    private final Map<Key, long[]> totals = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int runs;

    void launched(int step, String node, String kernel, cl_event event) {
        pending.add(new Pending(new Key(step, node, kernel), event));
    }

    void host(int step, String node, long nanos) {
        add(new Key(step, node, "host"), nanos);
    }

    /** Reads and releases the events of a finished run. */
    void collect() {
        long[] start = new long[1];
        long[] end = new long[1];
        for (Pending p : pending) {
            ClStatus.check(CL.clGetEventProfilingInfo(p.event(), CL.CL_PROFILING_COMMAND_START, Sizeof.cl_ulong,
                    Pointer.to(start), null), "clGetEventProfilingInfo(CL_PROFILING_COMMAND_START)", p.key().kernel(),
                    p.key().node());
            ClStatus.check(CL.clGetEventProfilingInfo(p.event(), CL.CL_PROFILING_COMMAND_END, Sizeof.cl_ulong,
                    Pointer.to(end), null), "clGetEventProfilingInfo(CL_PROFILING_COMMAND_END)", p.key().kernel(),
                    p.key().node());
            CL.clReleaseEvent(p.event());
            add(p.key(), end[0] - start[0]);
        }
        pending.clear();
        runs++;
    }

    /** Releases the events of a run that failed before {@link #collect}. */
    void discard() {
        pending.forEach(p -> CL.clReleaseEvent(p.event()));
        pending.clear();
    }

    private void add(Key key, long nanos) {
        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
        t[0]++;
        t[1] += nanos;
    }

    /** Forgets the runs so far, e.g. a warm-up run. */
    public void reset() {
        totals.clear();
        runs = 0;
    }

    /** Runs profiled so far. */
    public int runs() {
        return runs;
    }

    /** Every step's kernels in plan order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        totals.forEach((k, t) -> out.add(new Entry(k.step(), k.node(), k.kernel(), t[0], t[1])));
        return out;
    }

    /** Device time per run summed by kernel, slowest first. */
    public Map<String, Double> msPerKernel() {
        Map<String, Double> by = new LinkedHashMap<>();
        entries().stream().sorted(Comparator.comparingLong(Entry::nanos).reversed())
                .forEach(e -> by.merge(e.kernel(), e.msPerRun(runs), Double::sum));
        return by;
    }

    /** A table: totals by kernel, then the {@code top} slowest steps. */
    public String describe(int top) {
        StringBuilder b = new StringBuilder();
        double total = entries().stream().mapToDouble(e -> e.msPerRun(runs)).sum();
        b.append(String.format(Locale.ROOT, "device time per run: %.2f ms over %d runs%n", total, runs));
        b.append("by kernel:\n");
        msPerKernel().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %9.3f ms  %5.1f%%  %s%n", e.getValue(),
                        100 * e.getValue() / total, e.getKey())));
        b.append("slowest steps:\n");
        entries().stream().sorted(Comparator.comparingLong(Entry::nanos).reversed()).limit(top)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %9.3f ms  %4d  %-40s %s%n", e.msPerRun(runs),
                        e.step(), e.node(), e.kernel())));
        return b.toString();
    }
}
