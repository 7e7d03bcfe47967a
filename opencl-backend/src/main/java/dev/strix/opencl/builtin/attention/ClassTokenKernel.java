package dev.strix.opencl.builtin.attention;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.shape.BlockCopy;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.memory.ClBuffer;

/** class_token: the token copied to position 0 of every sequence, the input after it (two block copies). */
public final class ClassTokenKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "class_token";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int n = x.dim(0);
        int l = x.dim(1);
        int e = x.dim(2);
        ClBuffer token = ctx.constant("token", ctx.param(ctx.attributes().getString("param_name", "class_token"))
                .data());
        BlockCopy head = new BlockCopy(ctx, n, 1, e, 0, 0, 1, (l + 1) * e, 0);
        BlockCopy body = new BlockCopy(ctx, n, l, e, l * e, 0, 1, (l + 1) * e, 1);
        return io -> {
            head.enqueue(io, token, io.output(0));
            body.enqueue(io, io.input(0), io.output(0));
        };
    }
}
