package dev.strix.opencl.builtin.attention;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.math.ChannelAffineRows;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/** layer_scale: x times γ along one axis ({@code math/channel_affine.cl} without a shift). */
public final class LayerScaleKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "layer_scale";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int axis = x.normalizeAxis(ctx.attributes().getInt("axis", -1));
        int c = x.dim(axis);
        int inner = (int) x.sizeOf(axis + 1, x.rank());
        ClBuffer gamma = ctx.constant("gamma", ctx.param(ctx.attributes().getString("param_name", "gamma")).data());
        int n = x.elementCount();
        if (Launches.groupTarget(ctx) > 0 && n > 0) {
            return ChannelAffineRows.step(ctx, Defines.of().set("HAS_SHIFT", 0), n, c, inner, gamma, gamma);
        }
        ClKernel k = ctx.kernel("math/channel_affine", "channel_affine", Defines.of().set("HAS_SHIFT", 0));
        return Launches.elementwise(k, ctx, n, io -> k.arg(0, io.input(0)).arg(1, gamma).arg(2, gamma)
                .arg(3, io.output(0)).ints(4, n, c, inner));
    }
}
