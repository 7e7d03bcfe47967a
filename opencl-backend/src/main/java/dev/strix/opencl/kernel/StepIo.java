package dev.strix.opencl.kernel;

import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * The buffers a {@link Step} reads and writes on a run, as the session's memory plan placed them. Each buffer holds
 * at least the tensor's elements, starting at offset 0; it may be larger (slots are shared).
 */
public interface StepIo {
    ClBuffer input(int i);

    ClBuffer output(int i);

    /** The residual operand of a fused epilogue; only when {@link Epilogue#residual()} is true. */
    ClBuffer residual();

    /** The scratch buffer reserved with {@link KernelContext#scratch}. */
    ClBuffer scratch(int index);

    /** Launches {@code kernel} on the session's queue after checking sizes against the device's limits. */
    void launch(ClKernel kernel, long[] global, long[] local);
}
