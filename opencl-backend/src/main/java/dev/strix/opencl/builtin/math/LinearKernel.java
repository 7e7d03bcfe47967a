package dev.strix.opencl.builtin.math;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * linear as one GEMM: the rows of x times the weight packed as [in, out], bias per column, with a fused residual
 * add and activation. Up to {@value #GEMV_ROWS} rows (a classifier at small batch) use {@code gemm/gemv.cl}, one
 * work-item per output column, instead of a tile that would be mostly empty.
 */
public final class LinearKernel implements OpenClKernel {
    static final int GEMV_ROWS = 4;

    @Override
    public String layerType() {
        return "linear";
    }

    @Override
    public boolean fusesEpilogue() {
        return true;
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int in = x.dim(-1);
        int rows = (int) (x.size() / in);
        Tensor w = ctx.param("weight");
        int out = w.shape().dim(0);
        Tensor bias = ctx.optionalParam("bias");
        Epilogue ep = ctx.epilogue();
        ClBuffer weights = ctx.constant("weight", Gemm.transpose(w.data(), out, in));
        ClBuffer biasBuf = bias == null ? null : ctx.constant("bias", bias.data());
        int budget = ctx.tuning().get("LOOP_BUDGET");
        if (rows <= GEMV_ROWS && Launches.groupTarget(ctx) > 0) {
            // CPUs: 16 columns per work-item as vectors.
            ClKernel k = ctx.kernel("gemm/gemv", "gemv_blocks", Defines.of().set("MR", rows)
                    .set("HAS_BIAS", bias == null ? 0 : 1).setAll(ep.defines()));
            long[] global = {(out + 15) / 16};
            long[] groups = Launches.itemGroups(ctx, global);
            return io -> {
                k.ints(0, rows, out, in).arg(3, io.input(0)).arg(4, in).arg(5, weights).arg(6, io.output(0))
                        .arg(7, bias == null ? weights : biasBuf)
                        .arg(8, ep.residual() ? io.residual() : io.output(0));
                io.launch(k, global, groups);
            };
        }
        if (rows <= GEMV_ROWS && (budget == 0 || in < budget / 2)) {
            ClKernel k = ctx.kernel("gemm/gemv", "gemv", Defines.of().set("HAS_BIAS", bias == null ? 0 : 1)
                    .setAll(ep.defines()));
            return Launches.elementwise(k, ctx, out, io -> k.ints(0, rows, out, in).arg(3, io.input(0)).arg(4, in)
                    .arg(5, weights).arg(6, io.output(0)).arg(7, bias == null ? weights : biasBuf)
                    .arg(8, ep.residual() ? io.residual() : io.output(0)));
        }
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, bias == null ? Gemm.Bias.NONE : Gemm.Bias.PER_COLUMN, ep,
                rows, out, in);
        return io -> gemm.enqueue(io, rows, out, in, io.input(0), Operand.of(in), weights, Operand.of(out),
                io.output(0), Operand.of(out), 1, 1, biasBuf, 0, ep.residual() ? io.residual() : null);
    }
}
