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
 * multi_head_attention as batched GEMMs with a fused softmax, all on the device: one GEMM for the packed q, k, v
 * projection; Kᵀ per head; S = Q·Kᵀ batched over (image, head); softmax of S·(1/√d) in place; S·V written into the
 * heads' columns; the output projection. Works for the torch, timm and separate parameter layouts.
 */
public final class MultiHeadAttentionKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "multi_head_attention";
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Shape x = ctx.inputShape(0);
        int n = x.dim(0);
        int l = x.dim(1);
        int e = x.dim(2);
        int heads = ctx.attributes().getInt("num_heads");
        int d = e / heads;
        String layout = ctx.attributes().getString("layout", "torch");
        boolean hasBias = ctx.attributes().getBoolean("bias", true);
        String[] names = switch (layout) {
            case "torch" -> new String[] {"in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"};
            case "timm" -> new String[] {"qkv.weight", "qkv.bias", "proj.weight", "proj.bias"};
            default -> new String[] {null, null, "proj.weight", "proj.bias"};
        };
        float[] wqkv = names[0] != null ? ctx.param(names[0]).data()
                : concat(ctx.param("q.weight").data(), ctx.param("k.weight").data(), ctx.param("v.weight").data());
        ClBuffer qkvWeight = ctx.constant("qkv.weight", Gemm.transpose(wqkv, 3 * e, e));
        ClBuffer qkvBias = null;
        ClBuffer projBias = null;
        if (hasBias) {
            float[] b = names[1] != null ? ctx.param(names[1]).data()
                    : concat(ctx.param("q.bias").data(), ctx.param("k.bias").data(), ctx.param("v.bias").data());
            qkvBias = ctx.constant("qkv.bias", b);
            projBias = ctx.constant("proj.bias", ctx.param(names[3]).data());
        }
        Tensor wo = ctx.param(names[2]);
        ClBuffer projWeight = ctx.constant("proj.weight", Gemm.transpose(wo.data(), e, e));
        Gemm.Bias bias = hasBias ? Gemm.Bias.PER_COLUMN : Gemm.Bias.NONE;
        Gemm project = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, bias, Epilogue.NONE, e);
        Gemm scoresProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.NONE, Epilogue.NONE, d);
        Gemm valuesProduct = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.NONE, Epilogue.NONE, l);
        ClKernel transpose = ctx.kernel("attention/transpose", "transpose", Defines.of());
        boolean rowSoftmax = Launches.groupTarget(ctx) > 0;
        ClKernel softmax = ctx.kernel("activation/softmax", rowSoftmax ? "softmax_rows" : "softmax",
                Defines.of().set("LOG", 0).setFloat("SCALE", 1 / Math.sqrt(d)));
        int rows = n * l;
        int qkv = ctx.scratch((long) rows * 3 * e);
        int kt = ctx.scratch((long) n * e * l);
        int scores = ctx.scratch((long) n * heads * l * l);
        int attended = ctx.scratch((long) rows * e);
        int twg = Launches.group(transpose, ctx);
        int swg = Launches.group(softmax, ctx);
        ClBuffer qb = qkvBias;
        ClBuffer pb = projBias;
        int batches = n * heads;
        long[] softmaxGlobal = rowSoftmax ? new long[] {(long) batches * l}
                : new long[] {Launches.roundUp((long) batches * l, swg)};
        long[] softmaxGroups = rowSoftmax ? Launches.itemGroups(ctx, softmaxGlobal) : new long[] {swg};
        return io -> {
            ClBuffer q = io.scratch(qkv);
            project.enqueue(io, rows, 3 * e, e, io.input(0), Operand.of(e), qkvWeight, Operand.of(3 * e), q,
                    Operand.of(3 * e), 1, 1, qb, 0, null);
            transpose.arg(0, q).arg(1, io.scratch(kt)).ints(2, l, d, e, 3 * e, l * 3 * e, d, heads);
            io.launch(transpose, new long[] {Launches.roundUp((long) l * d, twg), batches}, new long[] {twg, 1});
            scoresProduct.enqueue(io, l, l, d, q, new Operand(0, 3 * e, l * 3 * e, d), io.scratch(kt),
                    new Operand(0, l, heads * d * l, d * l), io.scratch(scores),
                    new Operand(0, l, heads * l * l, l * l), batches, heads, null, 0, null);
            softmax.arg(0, io.scratch(scores)).arg(1, io.scratch(scores)).ints(2, batches * l, l, 1);
            io.launch(softmax, softmaxGlobal, softmaxGroups);
            valuesProduct.enqueue(io, l, d, l, io.scratch(scores), new Operand(0, l, heads * l * l, l * l), q,
                    new Operand(2 * e, 3 * e, l * 3 * e, d), io.scratch(attended), new Operand(0, e, l * e, d),
                    batches, heads, null, 0, null);
            project.enqueue(io, rows, e, e, io.scratch(attended), Operand.of(e), projWeight, Operand.of(e),
                    io.output(0), Operand.of(e), 1, 1, pb, 0, null);
        };
    }

    static float[] concat(float[]... parts) {
        int total = 0;
        for (float[] p : parts) {
            total += p.length;
        }
        float[] out = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
