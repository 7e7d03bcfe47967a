package dev.strix.opencl.device;

import dev.strix.opencl.compile.ProgramCache;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_queue_properties;

/**
 * An OpenCL context on one device, with the program cache that belongs to it and a {@link Ledger} of the objects
 * created in it. Sessions on the same device share one context (so compiled programs are reused) and each owns its
 * command queue. Closing releases the cached programs, then the context.
 */
public final class ClContext implements AutoCloseable {
    private final ClDevice device;
    private final cl_context context;
    private final Ledger ledger = new Ledger();
    private final ProgramCache programs;
    private final AtomicBoolean closed = new AtomicBoolean();

    public ClContext(ClDevice device) {
        this.device = device;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL.CL_CONTEXT_PLATFORM, device.platform());
        int[] err = new int[1];
        this.context = CL.clCreateContext(props, 1, new cl_device_id[] {device.device()}, null, null, err);
        ClStatus.check(err[0], "clCreateContext on " + device.label());
        this.programs = new ProgramCache(this);
    }

    public ClDevice device() {
        return device;
    }

    public cl_context handle() {
        return context;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ProgramCache programs() {
        return programs;
    }

    /**
     * A new in-order command queue. OpenCL 2.0+ devices get clCreateCommandQueueWithProperties; 1.x devices the
     * 1.2 call, which 2.0 deprecates.
     */
    @SuppressWarnings("deprecation")
    public ClQueue newQueue() {
        return newQueue(false);
    }

    /** A new in-order queue; with {@code profiling}, its commands record start and end times. */
    public ClQueue newQueue(boolean profiling) {
        int[] err = new int[1];
        cl_command_queue q;
        long props = profiling ? CL.CL_QUEUE_PROFILING_ENABLE : 0;
        if (device.atLeast20()) {
            cl_queue_properties p = new cl_queue_properties();
            if (profiling) {
                p.addProperty(CL.CL_QUEUE_PROPERTIES, props);
            }
            q = CL.clCreateCommandQueueWithProperties(context, device.device(), p, err);
            ClStatus.check(err[0], "clCreateCommandQueueWithProperties on " + device.label());
        } else {
            q = CL.clCreateCommandQueue(context, device.device(), props, err);
            ClStatus.check(err[0], "clCreateCommandQueue on " + device.label());
        }
        ledger.created(Ledger.Kind.QUEUE);
        return new ClQueue(q, this);
    }

    /** Counts an object created outside this package (programs, kernels, buffers) in the ledger. */
    public void created(Ledger.Kind kind) {
        ledger.created(kind);
    }

    /** Counts an object released outside this package. */
    public void released(Ledger.Kind kind) {
        ledger.released(kind);
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            programs.close();
            CL.clReleaseContext(context);
        }
    }
}
