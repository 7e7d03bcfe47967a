package dev.strix.opencl.memory;

import dev.strix.api.DeviceException;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClQueue;
import dev.strix.opencl.device.ClStatus;
import dev.strix.opencl.device.Ledger;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * Allocates, fills and reads device buffers in one context. Sizes are checked against the device's largest
 * allocation before asking the driver, so the message carries the numbers rather than a bare status.
 * Transfers use Java heap arrays and are therefore blocking, as JOCL requires.
 */
public final class Allocator {
    private final ClContext context;

    public Allocator(ClContext context) {
        this.context = context;
    }

    /** An uninitialised buffer of {@code floats} float32 values, for {@code what} (named in errors). */
    public ClBuffer allocate(long floats, String what) {
        long bytes = Math.max(1, floats) * Float.BYTES;
        checkSize(bytes, what);
        int[] err = new int[1];
        cl_mem mem = CL.clCreateBuffer(context.handle(), CL.CL_MEM_READ_WRITE, bytes, null, err);
        ClStatus.check(err[0], "clCreateBuffer(" + bytes + " bytes for " + what + ")");
        context.created(Ledger.Kind.MEM);
        return new ClBuffer(mem, bytes, what, context);
    }

    /** A read-only buffer holding a copy of {@code data} (weights and other constants). */
    public ClBuffer upload(float[] data, String what) {
        long bytes = Math.max(1, data.length) * (long) Float.BYTES;
        checkSize(bytes, what);
        int[] err = new int[1];
        float[] src = data.length == 0 ? new float[1] : data;
        cl_mem mem = CL.clCreateBuffer(context.handle(), CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR, bytes,
                Pointer.to(src), err);
        ClStatus.check(err[0], "clCreateBuffer(" + bytes + " bytes, copy of " + what + ")");
        context.created(Ledger.Kind.MEM);
        return new ClBuffer(mem, bytes, what, context);
    }

    /** Copies {@code data} into the start of {@code buffer}, blocking. */
    public static void write(ClQueue queue, ClBuffer buffer, float[] data) {
        if ((long) data.length * Float.BYTES > buffer.bytes()) {
            throw new DeviceException("cannot write " + data.length + " floats into " + buffer);
        }
        ClStatus.check(CL.clEnqueueWriteBuffer(queue.handle(), buffer.handle(), CL.CL_TRUE, 0,
                (long) data.length * Sizeof.cl_float, Pointer.to(data), 0, null, null),
                "clEnqueueWriteBuffer(" + buffer.what() + ")");
    }

    /** Copies the start of {@code buffer} into {@code data}, blocking. */
    public static void read(ClQueue queue, ClBuffer buffer, float[] data) {
        if ((long) data.length * Float.BYTES > buffer.bytes()) {
            throw new DeviceException("cannot read " + data.length + " floats from " + buffer);
        }
        ClStatus.check(CL.clEnqueueReadBuffer(queue.handle(), buffer.handle(), CL.CL_TRUE, 0,
                (long) data.length * Sizeof.cl_float, Pointer.to(data), 0, null, null),
                "clEnqueueReadBuffer(" + buffer.what() + ")");
    }

    private void checkSize(long bytes, String what) {
        long max = context.device().maxAllocBytes();
        if (bytes > max) {
            throw new DeviceException("cannot allocate " + bytes + " bytes for " + what + " on "
                    + context.device().label() + ": its largest allocation (CL_DEVICE_MAX_MEM_ALLOC_SIZE) is "
                    + max + " bytes");
        }
    }
}
