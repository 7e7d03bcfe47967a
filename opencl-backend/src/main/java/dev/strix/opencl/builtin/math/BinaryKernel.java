package dev.strix.opencl.builtin.math;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** add and mul with NumPy broadcasting ({@code math/binary.cl}); equal shapes take the flat path. */
public final class BinaryKernel implements OpenClKernel {
    private final String type;

    public BinaryKernel(String type) {
        this.type = type;
    }

    @Override
    public String layerType() {
        return type;
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape out = ctx.outputShape(0);
        Shape a = ctx.inputShape(0);
        Shape b = ctx.inputShape(1);
        boolean same = a.equals(out) && b.equals(out);
        ClKernel k = ctx.kernel("math/binary", "binary",
                Defines.of().set("OP", type.equals("add") ? 0 : 1).set("SAME", same ? 1 : 0));
        Broadcast6 ba = Broadcast6.of(a, out);
        Broadcast6 bb = Broadcast6.of(b, out);
        int n = out.elementCount();
        return Launches.elementwise(k, ctx, n, io -> {
            k.arg(0, io.input(0)).arg(1, io.input(1)).arg(2, io.output(0)).arg(3, n);
            k.ints(4, ba.dims()).ints(10, ba.strides()).ints(16, bb.strides());
        });
    }
}
