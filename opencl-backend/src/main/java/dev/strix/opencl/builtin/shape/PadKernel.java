package dev.strix.opencl.builtin.shape;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;

/** pad of the last two dims: constant, reflect or replicate ({@code shape/pad.cl}). */
public final class PadKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "pad";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        Shape y = ctx.outputShape(0);
        var a = ctx.attributes();
        int[] p = a.getInts("pads");
        int mode = switch (a.getString("mode", "constant")) {
            case "reflect" -> 1;
            case "replicate" -> 2;
            default -> 0;
        };
        int planes = (int) x.sizeOf(0, x.rank() - 2);
        int h = x.dim(-2);
        int w = x.dim(-1);
        int ho = y.dim(-2);
        int wo = y.dim(-1);
        ClKernel k = ctx.kernel("shape/pad", "pad", Defines.of().set("MODE", mode)
                .setFloat("VALUE", a.getDouble("value", 0)));
        return Launches.elementwise(k, ctx, y.size(),
                io -> k.arg(0, io.input(0)).arg(1, io.output(0)).ints(2, planes, h, w, ho, wo, p[0], p[1]));
    }
}
