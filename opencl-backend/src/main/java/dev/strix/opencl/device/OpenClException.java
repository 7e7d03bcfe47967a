package dev.strix.opencl.device;

import dev.strix.api.DeviceException;

/**
 * A failed OpenCL call: carries the {@code CL_*} status name, the call, and the kernel and node it served when known
 * (and a build log when a program failed to compile).
 */
public final class OpenClException extends DeviceException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public OpenClException(int status, String call, String kernel, String node, String detail) {
        super(message(status, call, kernel, node, detail));
        this.status = status;
    }

    /** The raw OpenCL status code. */
    public int status() {
        return status;
    }

    /** The status as its {@code CL_*} name. */
    public String statusName() {
        return ClStatus.name(status);
    }

    private static String message(int status, String call, String kernel, String node, String detail) {
        StringBuilder m = new StringBuilder(call).append(" failed with ").append(ClStatus.name(status));
        if (kernel != null) {
            m.append(" (kernel ").append(kernel).append(')');
        }
        if (node != null) {
            m.append(" at node '").append(node).append('\'');
        }
        if (detail != null && !detail.isBlank()) {
            m.append(": ").append(detail);
        }
        return m.toString();
    }
}
