package dev.strix.opencl.builtin.attention;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.math.Broadcast6;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/** position_embedding: x + table, the [1, L, E] table broadcast over the batch ({@code math/binary.cl}). */
public final class PositionEmbeddingKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "position_embedding";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        var table = ctx.param(ctx.attributes().getString("param_name", "pos_embedding"));
        ClBuffer t = ctx.constant("table", table.data());
        Broadcast6 bx = Broadcast6.of(x, x);
        Broadcast6 bt = Broadcast6.of(table.shape(), x);
        ClKernel k = ctx.kernel("math/binary", "binary", Defines.of().set("OP", 0).set("SAME", 0));
        int n = x.elementCount();
        return Launches.elementwise(k, ctx, n, io -> k.arg(0, io.input(0)).arg(1, t).arg(2, io.output(0)).arg(3, n)
                .ints(4, bx.dims()).ints(10, bx.strides()).ints(16, bt.strides()));
    }
}
