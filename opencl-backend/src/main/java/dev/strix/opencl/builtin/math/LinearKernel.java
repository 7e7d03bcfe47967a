package dev.strix.opencl.builtin.math;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.memory.ClBuffer;

/**
 * linear as one GEMM: the rows of x times the weight packed as [in, out], bias per column, with a fused residual
 * add and activation.
 */
public final class LinearKernel implements OpenClKernel {
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
        Gemm gemm = Gemm.create(ctx, false, bias == null ? Gemm.Bias.NONE : Gemm.Bias.PER_COLUMN, ep);
        return io -> gemm.enqueue(io, rows, out, in, io.input(0), Operand.of(in), weights, Operand.of(out),
                io.output(0), Operand.of(out), 1, 1, biasBuf, 0, ep.residual() ? io.residual() : null);
    }
}
