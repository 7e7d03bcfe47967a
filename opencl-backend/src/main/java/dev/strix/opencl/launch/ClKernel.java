package dev.strix.opencl.launch;

import dev.strix.api.DeviceException;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.ClQueue;
import dev.strix.opencl.device.ClStatus;
import dev.strix.opencl.device.Ledger;
import dev.strix.opencl.memory.ClBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.jocl.cl_kernel;

/**
 * A kernel object: arguments are set by position, then {@link #launch} checks the sizes against the device's and
 * the kernel's limits (with the numbers in the message) before enqueueing. Owned by one session, which closes it.
 */
public final class ClKernel implements AutoCloseable {
    private final cl_kernel kernel;
    private final String name;
    private final String node;
    private final ClContext context;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.Map<Integer, Long> dynamicLocal = new java.util.HashMap<>();
    private Object[] lastArgs = new Object[24];
    private long maxGroupSize = -1;
    private long staticLocalBytes = -1;

    public ClKernel(cl_kernel kernel, String name, String node, ClContext context) {
        this.kernel = kernel;
        this.name = name;
        this.node = node;
        this.context = context;
    }

    /** "file:function", as errors name it. */
    public String name() {
        return name;
    }

    public ClKernel arg(int index, ClBuffer buffer) {
        if (unchanged(index, buffer)) {
            return this;
        }
        ClStatus.check(CL.clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(buffer.handle())),
                "clSetKernelArg(" + index + ", " + buffer.what() + ")", name, node);
        remember(index, buffer);
        return this;
    }

    public ClKernel arg(int index, int value) {
        if (unchanged(index, value)) {
            return this;
        }
        ClStatus.check(CL.clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {value})),
                "clSetKernelArg(" + index + ", int " + value + ")", name, node);
        remember(index, value);
        return this;
    }

    public ClKernel arg(int index, float value) {
        if (unchanged(index, value)) {
            return this;
        }
        ClStatus.check(CL.clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {value})),
                "clSetKernelArg(" + index + ", float " + value + ")", name, node);
        remember(index, value);
        return this;
    }

    /**
     * Whether argument {@code index} already holds {@code value}. A session's buffers and sizes are fixed, so from
     * the second run on nearly every clSetKernelArg (a JNI call, some 20 per GEMM launch) is skipped. Buffers
     * compare by identity, numbers by value.
     */
    private boolean unchanged(int index, Object value) {
        Object last = index < lastArgs.length ? lastArgs[index] : null;
        return last != null && (value instanceof ClBuffer ? last == value : last.equals(value));
    }

    /** Records what argument {@code index} holds once the driver accepted it (null: forget it). */
    private void remember(int index, Object value) {
        if (index >= lastArgs.length) {
            lastArgs = java.util.Arrays.copyOf(lastArgs, Math.max(index + 1, lastArgs.length * 2));
        }
        lastArgs[index] = value;
    }

    /** Sets consecutive int arguments starting at {@code first}. */
    public ClKernel ints(int first, int... values) {
        for (int i = 0; i < values.length; i++) {
            arg(first + i, values[i]);
        }
        return this;
    }

    /** A {@code __local} argument of {@code bytes} bytes. */
    public ClKernel local(int index, long bytes) {
        ClStatus.check(CL.clSetKernelArg(kernel, index, bytes, null), "clSetKernelArg(" + index + ", __local "
                + bytes + " bytes)", name, node);
        remember(index, null);
        dynamicLocal.put(index, bytes);
        return this;
    }

    /** The most work-items one group of this kernel may have on the device (CL_KERNEL_WORK_GROUP_SIZE). */
    public long maxGroupSize() {
        if (maxGroupSize < 0) {
            long[] v = new long[1];
            ClStatus.check(CL.clGetKernelWorkGroupInfo(kernel, context.device().device(),
                    CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(v), null),
                    "clGetKernelWorkGroupInfo(CL_KERNEL_WORK_GROUP_SIZE)", name, node);
            maxGroupSize = v[0];
        }
        return maxGroupSize;
    }

    private long staticLocalBytes() {
        if (staticLocalBytes < 0) {
            long[] v = new long[1];
            ClStatus.check(CL.clGetKernelWorkGroupInfo(kernel, context.device().device(),
                    CL.CL_KERNEL_LOCAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(v), null),
                    "clGetKernelWorkGroupInfo(CL_KERNEL_LOCAL_MEM_SIZE)", name, node);
            staticLocalBytes = v[0];
        }
        return staticLocalBytes;
    }

    /**
     * Enqueues the kernel over {@code global} work-items in groups of {@code local} (null lets the driver choose).
     * Checks first: every global size is positive, a multiple of the group size (OpenCL 1.2), the group fits the
     * device's and this kernel's work-group limits, and the local memory fits the device.
     */
    public void launch(ClQueue queue, long[] global, long[] local) {
        launch(queue, global, local, null);
    }

    /** {@link #launch(ClQueue, long[], long[])} that returns the command's event in {@code event} when not null. */
    public void launch(ClQueue queue, long[] global, long[] local, cl_event event) {
        checkSizes(global, local);
        ClStatus.check(CL.clEnqueueNDRangeKernel(queue.handle(), kernel, global.length, null, global, local, 0, null,
                event), "clEnqueueNDRangeKernel(global " + Arrays.toString(global) + ", local "
                + Arrays.toString(local) + ")", name, node);
    }

    void checkSizes(long[] global, long[] local) {
        ClDevice d = context.device();
        for (long g : global) {
            if (g < 1) {
                throw new DeviceException("kernel " + name + " at node '" + node + "': global size "
                        + Arrays.toString(global) + " has an empty dimension");
            }
        }
        if (local == null) {
            return;
        }
        long group = 1;
        for (int i = 0; i < local.length; i++) {
            group *= local[i];
            if (i < d.maxWorkItemSizes().length && local[i] > d.maxWorkItemSizes()[i]) {
                throw error("work-group size " + Arrays.toString(local) + " exceeds the device's "
                        + "CL_DEVICE_MAX_WORK_ITEM_SIZES " + Arrays.toString(d.maxWorkItemSizes()) + " in dimension "
                        + i);
            }
            if (global[i] % local[i] != 0) {
                throw error("global size " + Arrays.toString(global) + " is not a multiple of the work-group size "
                        + Arrays.toString(local) + " in dimension " + i);
            }
        }
        long limit = Math.min(d.maxWorkGroupSize(), maxGroupSize());
        if (group > limit) {
            throw error("work-group of " + group + " work-items " + Arrays.toString(local) + " exceeds the limit of "
                    + limit + " (device " + d.maxWorkGroupSize() + ", kernel " + maxGroupSize() + ")");
        }
        long localBytes = staticLocalBytes() + dynamicLocal.values().stream().mapToLong(Long::longValue).sum();
        if (localBytes > d.localMemBytes()) {
            throw error("needs " + localBytes + " bytes of local memory; the device has " + d.localMemBytes());
        }
    }

    private DeviceException error(String what) {
        return new DeviceException("kernel " + name + " at node '" + node + "' on " + context.device().label() + ": "
                + what);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            CL.clReleaseKernel(kernel);
            context.released(Ledger.Kind.KERNEL);
        }
    }
}
