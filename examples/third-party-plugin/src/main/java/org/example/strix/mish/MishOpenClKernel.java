package org.example.strix.mish;

import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/**
 * The {@code mish} layer on Strix's OpenCL backend: the kernel source is this jar's resource
 * {@code org/example/strix/mish/mish.cl}; the backend compiles and caches it and plans the buffers.
 */
public final class MishOpenClKernel implements OpenClKernel {
    static final String SOURCE = "org/example/strix/mish/mish.cl";

    @Override
    public String layerType() {
        return "mish";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        ClKernel kernel = ctx.kernel(getClass().getClassLoader(), SOURCE, "mish", Defines.of());
        int n = ctx.outputShape(0).elementCount();
        // A power-of-two group the kernel allows on this device, at most the backend's tuned element-wise size.
        long limit = Math.min(ctx.tuning().workGroup(), kernel.maxGroupSize());
        int group = Integer.highestOneBit((int) Math.max(1, limit));
        long global = (n + group - 1L) / group * group;
        return io -> {
            kernel.arg(0, io.input(0)).arg(1, io.output(0)).arg(2, n);
            io.launch(kernel, new long[] {global}, new long[] {group});
        };
    }
}
