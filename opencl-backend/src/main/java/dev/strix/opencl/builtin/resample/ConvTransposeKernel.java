package dev.strix.opencl.builtin.resample;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/** conv_transpose2d as a gather over the inputs that reach each output ({@code resample/conv_transpose.cl}). */
public final class ConvTransposeKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "conv_transpose2d";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        Shape y = ctx.outputShape(0);
        Attributes a = ctx.attributes();
        int[] k = a.getInts("kernel_size", 2, 1);
        int[] s = a.getInts("stride", 2, 1);
        int[] p = a.getInts("padding", 2, 0);
        int[] d = a.getInts("dilation", 2, 1);
        int groups = a.getInt("groups", 1);
        Launches.requireLoops(ctx, (long) x.dim(1) / groups * (k[0] + 1) * (k[1] + 1), "conv_transpose2d window");
        Tensor bias = ctx.optionalParam("bias");
        ClBuffer w = ctx.constant("weight", ctx.param("weight").data());
        ClBuffer b = bias == null ? w : ctx.constant("bias", bias.data());
        ClKernel kernel = ctx.kernel("resample/conv_transpose", "conv_transpose",
                Defines.of().set("HAS_BIAS", bias == null ? 0 : 1));
        int wg = Launches.group(kernel, ctx);
        int p2 = y.dim(2) * y.dim(3);
        long[] global = {Launches.roundUp(p2, wg), y.dim(1), x.dim(0)};
        return io -> {
            kernel.arg(0, io.input(0)).arg(1, w).arg(2, b).arg(3, io.output(0)).ints(4, x.dim(1), x.dim(2), x.dim(3),
                    y.dim(1), y.dim(2), y.dim(3), k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], groups);
            io.launch(kernel, global, new long[] {wg, 1, 1});
        };
    }
}
