package dev.strix.opencl.builtin.shape;

import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * One launch of {@code shape/copy.cl}: J blocks of {@code inner} values per outer index, from {@code src} at
 * {@code o·srcOuter + (srcOff + j·step)·inner} to {@code dst} at {@code o·dstOuter + (dstOff + j)·inner}.
 */
public final class BlockCopy {
    private final ClKernel kernel;
    private final int wg;
    private final int[] args;

    public BlockCopy(KernelContext ctx, int outer, int j, int inner, int srcOuter, int srcOff, int step, int dstOuter,
            int dstOff) {
        this.kernel = ctx.kernel("shape/copy", "copy", Defines.of());
        this.wg = Launches.group(kernel, ctx);
        this.args = new int[] {outer, j, inner, srcOuter, srcOff, step, dstOuter, dstOff};
    }

    public void enqueue(StepIo io, ClBuffer src, ClBuffer dst) {
        kernel.arg(0, src).arg(1, dst).ints(2, args);
        long n = (long) args[0] * args[1] * args[2];
        io.launch(kernel, new long[] {Launches.roundUp(Math.max(1, n), wg)}, new long[] {wg});
    }
}
