package dev.strix.opencl.builtin.conv;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Node;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.kernel.Tuning;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * A 1×1 convolution and the depthwise convolution that alone reads it — the expand and depthwise halves of an
 * inverted residual block (MobileNet v2 and v3, EfficientNet) — as one kernel, {@code conv/expand_depthwise.cl}, so
 * that the expanded tensor, the block's largest, never goes to device memory and the depthwise kernel needs no
 * padded copy of it.
 *
 * <p>Not a registered layer kernel: the session's planner builds one per fused pair, where the tuning's
 * {@code DW_FUSE} is 1 and {@link #fuses} accepts both halves, and the step it plans is the expand node's (its
 * input, its folded parameters and epilogue) with the depthwise node's output. This instance carries the depthwise
 * half: its node, folded parameters and epilogue.
 */
public final class ExpandDepthwiseKernel implements OpenClKernel {
    /** Floats of private memory one work-item's ring of rows may take (PoCL keeps it on the stack, in L1). */
    static final int MAX_RING_FLOATS = 4096;

    private final Node depthwise;
    private final Tensor depthwiseWeight;
    private final Tensor depthwiseBias;
    private final Epilogue depthwiseEpilogue;

    /**
     * @param depthwise the depthwise conv2d node
     * @param weight its weight after batch-norm folding, [E, 1, KH, KW]
     * @param bias its bias after folding, or null
     * @param epilogue its activation (no residual)
     */
    public ExpandDepthwiseKernel(Node depthwise, Tensor weight, Tensor bias, Epilogue epilogue) {
        if (epilogue.residual()) {
            throw new IllegalArgumentException("a fused expand + depthwise pair takes no residual");
        }
        this.depthwise = depthwise;
        this.depthwiseWeight = weight;
        this.depthwiseBias = bias;
        this.depthwiseEpilogue = epilogue;
    }

    @Override
    public String layerType() {
        return "conv2d";
    }

    /**
     * Whether the pair runs fused on a device with tuning {@code t}: a pointwise convolution without a residual,
     * then a depthwise one with one output per channel, dilation 1, stride 1 or 2 no larger than its window, no
     * residual, and rows narrow enough for the ring.
     */
    public static boolean fuses(Tuning t, ConvGeometry expand, Epilogue expandEpilogue, ConvGeometry dw,
            Epilogue dwEpilogue) {
        if (t.get("DW_FUSE") != 1 || !expand.pointwise() || expandEpilogue.residual() || dwEpilogue.residual()) {
            return false;
        }
        boolean oneToOne = dw.depthwise() && dw.o() == dw.c() && dw.c() == expand.o();
        boolean window = dw.dh() == 1 && dw.dw() == 1 && dw.sh() >= 1 && dw.sh() <= dw.kh() && dw.sw() >= 1
                && dw.sw() <= 2 && dw.pl() < dw.kw() && dw.pt() < dw.kh();
        if (!oneToOne || !window || (long) channelsPerItem(dw.c()) * dw.kh() * rowStride(dw) > MAX_RING_FLOATS) {
            return false;
        }
        // A device that ends long loops (llvmpipe) gets the pair fused only where one work-item's loops stay well
        // within its budget (three times the estimate, the margin the GEMM's K slicing needed there).
        int budget = t.get("LOOP_BUDGET");
        return budget <= 0 || 3 * loopIterations(expand, dw) < budget;
    }

    /** Loop iterations one work-item runs: clearing the ring, expanding every row, the depthwise steps. */
    static long loopIterations(ConvGeometry expand, ConvGeometry dw) {
        int ce = channelsPerItem(dw.c());
        int ve = Conv2dKernel.vectorLanes(dw.w());
        int vw = Conv2dKernel.vectorLanes(dw.wo());
        long ring = (long) ce * dw.kh() * rowStride(dw);
        long expandRows = (long) dw.h() * ((dw.w() + ve - 1) / ve) * (expand.c() + 2L * ce + ve);
        long steps = (long) dw.ho() * ce * ((dw.wo() + vw - 1) / vw) * (dw.kh() * (dw.kw() + 1) + vw);
        return ring + expandRows + steps;
    }

    /** Channels per work-item: up to 8 share each input load (16 ran slower on MobileNet v2 with PoCL). */
    static int channelsPerItem(int channels) {
        return channels % 8 == 0 ? 8 : channels % 4 == 0 ? 4 : channels % 2 == 0 ? 2 : 1;
    }

    /** The ring's row stride: the left padding and the expanded row's vectors, or the widest window step. */
    static int rowStride(ConvGeometry dw) {
        int ve = Conv2dKernel.vectorLanes(dw.w());
        int vw = Conv2dKernel.vectorLanes(dw.wo());
        int written = dw.pl() + (dw.w() + ve - 1) / ve * ve;
        int read = (dw.wo() + vw - 1) / vw * vw * dw.sw() + dw.kw() - 1;
        return Math.max(written, read);
    }

    @Override
    public Step prepare(KernelContext ctx) {
        Node expand = ctx.node();
        ConvGeometry e = ConvGeometry.of(expand.attributes(), ctx.inputShape(0), expand.outputShapes().get(0));
        ConvGeometry d = ConvGeometry.of(depthwise.attributes(), depthwise.inputShapes().get(0),
                depthwise.outputShapes().get(0));
        int ce = channelsPerItem(d.c());
        Tensor expandBias = ctx.optionalParam("bias");
        Defines defines = Defines.of().set("K", e.c()).set("H", d.h()).set("W", d.w()).set("HO", d.ho())
                .set("WO", d.wo()).set("KH", d.kh()).set("KW", d.kw()).set("SH", d.sh()).set("SW", d.sw())
                .set("PT", d.pt()).set("PL", d.pl()).set("CE", ce).set("VE", Conv2dKernel.vectorLanes(d.w()))
                .set("VW", Conv2dKernel.vectorLanes(d.wo())).set("WS", rowStride(d))
                .set("EXPAND_BIAS", expandBias == null ? 0 : 1)
                .set("EXPAND_ACT", ctx.epilogue().activation().code())
                .setFloat("EXPAND_ACT_ALPHA", ctx.epilogue().alpha())
                .set("HAS_BIAS", depthwiseBias == null ? 0 : 1).setAll(depthwiseEpilogue.defines());
        ClKernel kernel = ctx.kernel("conv/expand_depthwise", "expand_depthwise", defines);
        ClBuffer we = ctx.constant("weight", packExpand(ctx.param("weight").data(), e.o(), e.c(), ce));
        ClBuffer be = expandBias == null ? we : ctx.constant("bias", expandBias.data());
        ClBuffer wd = ctx.constant(depthwise.name() + ".weight", depthwiseWeight.data());
        ClBuffer bd = depthwiseBias == null ? wd : ctx.constant(depthwise.name() + ".bias", depthwiseBias.data());
        long[] global = {d.c() / ce, d.n()};
        long[] local = Launches.itemGroups(ctx, global);
        return io -> {
            kernel.arg(0, io.input(0)).arg(1, we).arg(2, be).arg(3, wd).arg(4, bd).arg(5, io.output(0));
            io.launch(kernel, global, local);
        };
    }

    /** The expand weight [E][K] as [E / ce][K][ce]: the ce weights one input value meets lie together. */
    static float[] packExpand(float[] w, int channels, int k, int ce) {
        float[] out = new float[w.length];
        for (int e = 0; e < channels; e++) {
            for (int i = 0; i < k; i++) {
                out[(e / ce) * k * ce + i * ce + e % ce] = w[e * k + i];
            }
        }
        return out;
    }
}
