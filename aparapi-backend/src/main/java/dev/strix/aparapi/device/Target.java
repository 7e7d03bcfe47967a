package dev.strix.aparapi.device;

import com.aparapi.Kernel;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import dev.strix.aparapi.runtime.Mode;

/**
 * Where a session's kernels are meant to run: one OpenCL device, or Aparapi's Java thread pool when
 * {@link #device()} is null.
 *
 * @param id the id {@code strix devices} lists ({@code opencl:0}, {@code jtp})
 * @param device the OpenCL device, or null for the Java thread pool
 * @param description the device in words
 * @param sharesHostMemory whether kernels leave transfers to Aparapi's implicit ones (see {@link
 *     dev.strix.aparapi.runtime.Launch}): true for a device that computes in host memory (a CPU device such as PoCL
 *     or rusticl's llvmpipe), where Aparapi makes each buffer over the Java array itself ({@code CL_MEM_USE_HOST_PTR})
 *     and a transfer between the two is a copy of memory onto itself, which the driver skips (measured on PoCL and
 *     rusticl: 16 MB of weights "uploaded" before every run cost no time)
 */
public record Target(String id, OpenCLDevice device, String description, boolean sharesHostMemory) {

    /** A target whose transfers follow its device: implicit on a CPU device, explicit elsewhere. */
    public Target(String id, OpenCLDevice device, String description) {
        this(id, device, description, device != null && device.getType() == Device.TYPE.CPU);
    }

    /** This target with explicit transfers, as a GPU has them. */
    public Target withExplicitTransfers() {
        return new Target(id, device, description, false);
    }

    /** The Java thread pool: always there, needs no native code. */
    public static Target threadPool() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new Target(AparapiDevices.JTP_ID, null, "Java thread pool (" + threads + " threads)");
    }

    public Mode mode() {
        return device == null ? Mode.JTP : Mode.OPENCL;
    }

    /**
     * The legacy per-kernel execution mode that pins a kernel to this target. Aparapi's newer device preferences
     * are shared by every instance of a kernel class, so two sessions on different devices would fight over them;
     * the per-instance mode plus an explicit device in the range keeps each kernel where its session put it.
     */
    @SuppressWarnings("deprecation")
    public Kernel.EXECUTION_MODE executionMode() {
        if (device == null) {
            return Kernel.EXECUTION_MODE.JTP;
        }
        return switch (device.getType()) {
            case GPU -> Kernel.EXECUTION_MODE.GPU;
            case ACC -> Kernel.EXECUTION_MODE.ACC;
            default -> Kernel.EXECUTION_MODE.CPU;
        };
    }
}
