package dev.strix.opencl.memory;

import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.Ledger;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.cl_mem;

/** A device buffer of float32 values with exactly one owner, which closes it. */
public final class ClBuffer implements AutoCloseable {
    private final cl_mem mem;
    private final long bytes;
    private final String what;
    private final ClContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClBuffer(cl_mem mem, long bytes, String what, ClContext context) {
        this.mem = mem;
        this.bytes = bytes;
        this.what = what;
        this.context = context;
    }

    public cl_mem handle() {
        return mem;
    }

    public long bytes() {
        return bytes;
    }

    /** Number of float elements it holds. */
    public long floats() {
        return bytes / Float.BYTES;
    }

    /** What it holds, for messages. */
    public String what() {
        return what;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            CL.clReleaseMemObject(mem);
            context.released(Ledger.Kind.MEM);
        }
    }

    @Override
    public String toString() {
        return "ClBuffer(" + what + ", " + bytes + " bytes)";
    }
}
