package dev.strix.opencl.builtin.math;

import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * The per-channel affine {@code y = x·s[c] (+ t[c])} that batch norm and layer scale run, in its CPU form
 * ({@code math/channel_affine.cl}, {@code channel_affine_rows}): one work-item per (outer index, channel) looping
 * over the channel's contiguous values, with groups from {@link Launches#itemGroups}.
 */
public final class ChannelAffineRows {
    private ChannelAffineRows() {}

    /** The step for {@code n} values laid out as [n / (c·inner), c, inner]. */
    public static Step step(KernelContext ctx, Defines defines, int n, int c, int inner, ClBuffer scale,
            ClBuffer shift) {
        ClKernel k = ctx.kernel("math/channel_affine", "channel_affine_rows", defines);
        long[] global = {n / ((long) c * inner), c};
        long[] groups = Launches.itemGroups(ctx, global);
        return io -> {
            k.arg(0, io.input(0)).arg(1, scale).arg(2, shift).arg(3, io.output(0)).ints(4, n, c, inner);
            io.launch(k, global, groups);
        };
    }
}
