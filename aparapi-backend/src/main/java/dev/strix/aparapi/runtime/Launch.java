package dev.strix.aparapi.runtime;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.exception.QueryFailedException;
import dev.strix.aparapi.device.Target;
import dev.strix.aparapi.kernels.StrixKernel;
import dev.strix.api.DeviceException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Aparapi kernel instance bound to fixed arrays, and everything needed to run it where its session wants:
 * the target, the range, explicit transfers and the detection of Aparapi's silent fallback.
 *
 * <p>Aparapi gives each kernel instance its own OpenCL context, so an activation travels device → Java array →
 * device between two kernels. How depends on the device. On a device with its own memory (a GPU) transfers are
 * explicit ({@code setExplicit(true)}): constants (weights, index tables) are put once before the first run; arrays
 * the kernel reads are put before each run and arrays it writes are fetched after it. On a device that computes in
 * host memory ({@link Target#sharesHostMemory()}, e.g. PoCL; unless the session option {@link Transfers#OPTION}
 * asks for explicit ones) they are Aparapi's implicit ones: every array before and every written array after each
 * run, inside the run's one wait. The buffers there are the Java arrays themselves, so those copies cost nothing,
 * while each explicit fetch was a round trip of its own through the device's queue: on PoCL 0.06 ms, as much as the
 * launch itself (a trivial kernel with a fetch 0.14 ms, without 0.07). On the thread pool nothing is copied.
 *
 * <p>A launch is used by one thread at a time (its session's).
 */
public final class Launch implements Runnable, AutoCloseable {
    private static final int LOCAL_SIZE = 64;
    /** Work items per thread on the Java thread pool: enough to balance uneven items, few enough to cost nothing. */
    private static final int JTP_ITEMS_PER_THREAD = 64;

    private final String node;
    private Kernel kernel;
    private final int items;
    private final List<Object> constants = new ArrayList<>();
    private final List<Object> reads = new ArrayList<>();
    private final List<Object> writes = new ArrayList<>();

    private Target target;
    private ModeRequest request = ModeRequest.ANY;
    private Range range;
    private boolean constantsSent;
    private Mode ranIn;
    private String fallbackReason = "";
    private boolean disposed;
    private long lastNanos;

    /**
     * A launch of {@code kernel} over {@code items} work items (the kernel ignores ids at or past {@code items}, as
     * the range is rounded up to whole work groups) for the node called {@code node}.
     */
    public Launch(String node, Kernel kernel, int items) {
        if (items < 1) {
            throw new IllegalArgumentException("a launch needs at least one work item, got " + items);
        }
        this.node = node;
        this.kernel = kernel;
        this.items = items;
        kernel.setExplicit(true);
    }

    /** Arrays uploaded once, before the first run: weights, biases, index tables. */
    public Launch constants(Object... arrays) {
        constants.addAll(List.of(arrays));
        return this;
    }

    /** Arrays the kernel reads, uploaded before every run. */
    public Launch reads(Object... arrays) {
        reads.addAll(List.of(arrays));
        return this;
    }

    /**
     * Arrays the kernel writes, fetched after every run. An array the kernel writes only in part (a concat writing
     * one slice) must also be listed in {@link #reads} so the rest survives the fetch.
     */
    public Launch writes(Object... arrays) {
        writes.addAll(List.of(arrays));
        return this;
    }

    /** The node this launch computes (part of). */
    public String node() {
        return node;
    }

    /** The simple name of the Aparapi kernel class. */
    public String kernelName() {
        return kernel.getClass().getSimpleName();
    }

    /**
     * Pins the kernel to {@code where}. For an OpenCL device the kernel is translated, built and run once now, so a
     * device that rejects it fails here: with {@code required} = {@link ModeRequest#OPENCL} that is a
     * {@link DeviceException} naming the kernel, the node and Aparapi's reason; otherwise the kernel moves to the
     * Java thread pool and the reason is kept for the report.
     */
    public void prepare(Target where, ModeRequest required) {
        this.request = required;
        if (where.device() == null) {
            useThreadPool();
            return;
        }
        this.target = where;
        setMode(where);
        kernel.setExplicit(!where.sharesHostMemory());
        if (kernel instanceof StrixKernel k) {
            k.span = 1;
        }
        AparapiLog.Captured<String> built = AparapiLog.capture(() -> {
            try {
                kernel.compile(where.device());
                return null;
            } catch (CompileFailedException e) {
                return describe(e);
            }
        });
        if (built.value() != null) {
            String why = built.value() + (built.reason().isEmpty() ? "" : " (" + built.reason() + ")");
            fail("could not be built for " + where.description(), why);
            return;
        }
        int maxGroup;
        try {
            maxGroup = kernel.getKernelMaxWorkGroupSize(where.device());
        } catch (QueryFailedException e) {
            maxGroup = 1;
        }
        int local = Math.max(1, Math.min(LOCAL_SIZE, Integer.highestOneBit(Math.max(1, maxGroup))));
        range = Range.create(where.device(), roundUp(items, local), local);
        // One run now, on whatever the arrays hold: Aparapi 3.0.2 sets up a kernel's native argument table on its
        // first run, and disposing a kernel built but never run reads that table uninitialised and crashes the JVM
        // (a session closed before its first run, or one whose build failed at a later kernel). A failure here is
        // handled as at any run, so it surfaces at compile time.
        run();
    }

    /** Runs the kernel once: uploads, executes, fetches. Fallbacks are handled as {@link #prepare} describes. */
    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            execute();
        } finally {
            lastNanos = System.nanoTime() - start;
        }
    }

    private void execute() {
        if (target.device() == null) {
            kernel.execute(range);
            ranIn = Mode.JTP;
            return;
        }
        boolean explicit = !target.sharesHostMemory();
        if (explicit && !constantsSent) {
            constants.forEach(this::put);
            constantsSent = true;
        }
        if (explicit) {
            reads.forEach(this::put);
        }
        Kernel.EXECUTION_MODE pinned = target.executionMode();
        AparapiLog.Captured<Throwable> result = AparapiLog.capture(() -> {
            try {
                kernel.execute(range);
                return null;
            } catch (RuntimeException | AssertionError e) {
                // Aparapi's own fallback re-runs with the OpenCL range and trips its device check: that is a failure.
                return e;
            }
        });
        @SuppressWarnings("deprecation")
        boolean stayed = kernel.getExecutionMode() == pinned;
        if (result.value() == null && stayed) {
            if (explicit) {
                writes.forEach(this::get);
            }
            ranIn = Mode.OPENCL;
            return;
        }
        String why = result.reason();
        if (why.isEmpty() && result.value() != null) {
            why = String.valueOf(result.value().getMessage());
        }
        fail("failed on " + target.description(), why.isEmpty() ? "Aparapi left OpenCL without a reason" : why);
        kernel.execute(range);
        ranIn = Mode.JTP;
    }

    private void fail(String what, String why) {
        String message = "aparapi kernel " + kernelName() + " for node '" + node + "' " + what + ": " + why;
        if (!request.allowsFallback()) {
            disposed = true; // never dispose a failed kernel: see below
            throw new DeviceException(message + " (session option " + ModeRequest.OPTION + "=" 
                    + request.name().toLowerCase(java.util.Locale.ROOT) + " forbids running it on the Java thread pool)");
        }
        fallbackReason = message;
        // Aparapi 3.0.2 crashes (SIGSEGV in clReleaseCommandQueue) when disposing a kernel whose OpenCL build or
        // run failed, and Kernel.clone() shares that native state, so the instance is abandoned undisposed (its
        // half-made context leaks) and a fresh copy with the same field values runs on the thread pool.
        kernel = freshCopy(kernel);
        kernel.setExplicit(true);
        useThreadPool();
    }

    private void useThreadPool() {
        target = Target.threadPool();
        setMode(target);
        int workItems = items;
        if (kernel instanceof StrixKernel k) {
            // Each Java work item costs a call through Aparapi's thread pool; give each a run of items instead.
            int threads = Runtime.getRuntime().availableProcessors();
            k.span = Math.max(1, (items + threads * JTP_ITEMS_PER_THREAD - 1) / (threads * JTP_ITEMS_PER_THREAD));
            workItems = (items + k.span - 1) / k.span;
        }
        int local = workItems < LOCAL_SIZE ? workItems : LOCAL_SIZE;
        range = Range.create(roundUp(workItems, local), local);
    }

    @SuppressWarnings("deprecation")
    private void setMode(Target where) {
        kernel.setExecutionModeWithoutFallback(where.executionMode());
    }

    /** Where the last run happened; null before the first run. */
    public Mode ranIn() {
        return ranIn;
    }

    /** Where the kernel is set to run now (after any fallback). */
    public Mode plannedMode() {
        return target == null ? null : target.mode();
    }

    /** Wall time of the last run including transfers, in nanoseconds (0 before the first). */
    public long lastNanos() {
        return lastNanos;
    }

    /** Why the kernel left OpenCL, or empty. */
    public String fallbackReason() {
        return fallbackReason;
    }

    private void put(Object array) {
        if (array instanceof float[] f) {
            kernel.put(f);
        } else if (array instanceof int[] i) {
            kernel.put(i);
        } else {
            throw new IllegalArgumentException("unsupported array " + array.getClass());
        }
    }

    private void get(Object array) {
        if (array instanceof float[] f) {
            kernel.get(f);
        } else if (array instanceof int[] i) {
            kernel.get(i);
        } else {
            throw new IllegalArgumentException("unsupported array " + array.getClass());
        }
    }

    private static String describe(CompileFailedException e) {
        Throwable cause = e.getCause();
        String m = e.getMessage();
        if (cause != null && cause.getMessage() != null && (m == null || !m.contains(cause.getMessage()))) {
            m = (m == null ? "" : m + ": ") + cause.getMessage();
        }
        if (m != null && m.contains("OpenCL compile failed")) {
            m += " (clBuildProgram rejected the generated OpenCL C; Aparapi prints the build log on standard output)";
        }
        return m == null ? e.toString() : m;
    }

    /** A new instance of the kernel's class with every field below {@link Kernel} copied (arrays shared). */
    private static Kernel freshCopy(Kernel k) {
        try {
            Kernel copy = k.getClass().getDeclaredConstructor().newInstance();
            for (Class<?> c = k.getClass(); c != Kernel.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(copy, f.get(k));
                    }
                }
            }
            return copy;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeviceException("aparapi kernel " + k.getClass().getName() + " needs a public no-argument"
                    + " constructor and accessible fields to move to the Java thread pool: " + e, e);
        }
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /** Releases the kernel's OpenCL context and buffers. */
    @Override
    public void close() {
        if (!disposed) {
            disposed = true;
            kernel.dispose();
        }
    }
}
