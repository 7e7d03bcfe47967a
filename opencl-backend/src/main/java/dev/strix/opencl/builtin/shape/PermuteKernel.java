package dev.strix.opencl.builtin.shape;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import java.util.Arrays;

/**
 * permute of up to six dimensions ({@code shape/permute.cl}): one work-item per element on GPUs, one per row of
 * the output where the tuning asks for single-item groups (CPUs).
 */
public final class PermuteKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "permute";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int rank = x.rank();
        if (rank > 6) {
            throw new ShapeException("node '" + ctx.nodeName() + "': permute supports rank up to 6, got " + x);
        }
        int[] perm = ctx.attributes().getInts("dims");
        int[] xStrides = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= 0; i--) {
            xStrides[i] = s;
            s *= x.dim(i);
        }
        int[] dims = new int[6];
        int[] strides = new int[6];
        Arrays.fill(dims, 1);
        for (int i = 0; i < rank; i++) {
            int src = perm[i] < 0 ? perm[i] + rank : perm[i];
            dims[6 - rank + i] = x.dim(src);
            strides[6 - rank + i] = xStrides[src];
        }
        int n = x.elementCount();
        if (Launches.groupTarget(ctx) > 0 && n > 0) {
            // CPUs: a row of y per work-item.
            ClKernel k = ctx.kernel("shape/permute", "permute_rows", Defines.of());
            long[] global = {n / dims[5]};
            long[] rowGroups = Launches.itemGroups(ctx, global);
            return io -> {
                k.arg(0, io.input(0)).arg(1, io.output(0)).arg(2, n).ints(3, dims).ints(9, strides);
                io.launch(k, global, rowGroups);
            };
        }
        ClKernel k = ctx.kernel("shape/permute", "permute", Defines.of());
        return Launches.elementwise(k, ctx, n,
                io -> k.arg(0, io.input(0)).arg(1, io.output(0)).arg(2, n).ints(3, dims).ints(9, strides));
    }
}
