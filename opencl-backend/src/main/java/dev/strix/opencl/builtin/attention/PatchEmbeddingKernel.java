package dev.strix.opencl.builtin.attention;

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
 * patch_embedding: patches cut into rows ({@code attention/patchify.cl}), then one GEMM with the packed [C·p·p, E]
 * weight and the bias, written straight into [N, L, E].
 */
public final class PatchEmbeddingKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "patch_embedding";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int p = ctx.attributes().getInt("patch_size");
        Tensor w = ctx.param("weight");
        int e = w.shape().dim(0);
        int k = (int) (w.shape().size() / e);
        int n = x.dim(0);
        int rows = n * (x.dim(2) / p) * (x.dim(3) / p);
        ClBuffer weights = ctx.constant("weight", Gemm.transpose(w.data(), e, k));
        ClBuffer bias = ctx.constant("bias", ctx.param("bias").data());
        ClKernel patchify = ctx.kernel("attention/patchify", "patchify", Defines.of());
        int scratch = ctx.scratch((long) rows * k);
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.PER_COLUMN, Epilogue.NONE, k);
        int wg = Launches.group(patchify, ctx);
        long[] global = {Launches.roundUp((long) rows * k, wg)};
        return io -> {
            patchify.arg(0, io.input(0)).arg(1, io.scratch(scratch)).ints(2, n, x.dim(1), x.dim(2), x.dim(3), p);
            io.launch(patchify, global, new long[] {wg});
            gemm.enqueue(io, rows, e, k, io.scratch(scratch), Operand.of(k), weights, Operand.of(e), io.output(0),
                    Operand.of(e), 1, 1, bias, 0, null);
        };
    }
}
