package dev.strix.aparapi.runtime;

/** Where an Aparapi kernel runs: translated to OpenCL on a device, or as Java on Aparapi's thread pool. */
public enum Mode {
    /** Aparapi translated the kernel to OpenCL C and ran it on an OpenCL device. */
    OPENCL("opencl"),
    /** Aparapi ran the kernel's Java bytecode on its Java thread pool (JTP). */
    JTP("jtp"),
    /** No Aparapi kernel exists for the layer type: its reference forward ran on the host. */
    HOST("host");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The lower-case name used in options and reports. */
    public String label() {
        return label;
    }
}
