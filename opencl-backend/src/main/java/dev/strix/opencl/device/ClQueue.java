package dev.strix.opencl.device;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.cl_command_queue;

/** An in-order command queue; one per session. */
public final class ClQueue implements AutoCloseable {
    private final cl_command_queue queue;
    private final ClContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClQueue(cl_command_queue queue, ClContext context) {
        this.queue = queue;
        this.context = context;
    }

    public cl_command_queue handle() {
        return queue;
    }

    public ClContext context() {
        return context;
    }

    /** Waits until every enqueued command has finished. */
    public void finish() {
        ClStatus.check(CL.clFinish(queue), "clFinish");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            CL.clReleaseCommandQueue(queue);
            context.released(Ledger.Kind.QUEUE);
        }
    }
}
