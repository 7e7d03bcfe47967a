package dev.strix.opencl.builtin.conv;

import dev.strix.api.Tensor;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * conv2d in four ways: a depthwise kernel when each group is one input channel; Winograd for 3×3 stride-1
 * convolutions where the device's tuning asks for it ({@link Winograd}); a 1×1 fast path that multiplies the
 * packed weights with the input in place; otherwise im2col into scratch and a GEMM batched over images and groups
 * — or, for small planes at batch > 1 on the block GEMM, one GEMM over every image's columns ({@link #overBatch}).
 * Bias (after batch-norm folding), a residual add and an activation are fused into the output.
 */
public final class Conv2dKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "conv2d";
    }

    @Override
    public boolean fusesEpilogue() {
        return true;
    }

    @Override
    public Step prepare(KernelContext ctx) {
        ConvGeometry g = ConvGeometry.of(ctx.attributes(), ctx.inputShape(0), ctx.outputShape(0));
        Tensor bias = ctx.optionalParam("bias");
        Epilogue ep = ctx.epilogue();
        ClBuffer biasBuf = bias == null ? null : ctx.constant("bias", bias.data());
        if (g.depthwise()) {
            return depthwise(ctx, g, biasBuf, ep);
        }
        if (Winograd.applies(ctx, g)) {
            return Winograd.prepare(ctx, g, biasBuf, ep);
        }
        int og = g.o() / g.groups();
        int kg = g.c() / g.groups() * g.kh() * g.kw();
        if (overBatch(ctx, g)) {
            return batchedOverImages(ctx, g, bias == null ? Gemm.Bias.NONE : Gemm.Bias.PER_ROW, biasBuf, ep);
        }
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.PACKED, bias == null ? Gemm.Bias.NONE : Gemm.Bias.PER_ROW, ep, og,
                g.p(), kg);
        ClBuffer weights = ctx.constant("weight", gemm.pack(ctx.param("weight").data(), g.groups(), og, kg));
        int p = g.p();
        Operand a = gemm.packed(og, kg);
        Operand c = new Operand(0, p, g.o() * p, og * p);
        if (g.pointwise()) {
            Operand b = new Operand(0, p, g.c() * p, 0);
            return io -> gemm.enqueue(io, og, p, kg, weights, a, io.input(0), b, io.output(0), c, g.n(), 1, biasBuf,
                    og, ep.residual() ? io.residual() : null);
        }
        int k = g.c() * g.kh() * g.kw();
        int col = ctx.scratch((long) g.n() * k * p);
        Im2col im2col = new Im2col(ctx, g, (long) k * p, p);
        Operand b = new Operand(0, p, k * p, kg * p);
        return io -> {
            im2col.enqueue(io, io.scratch(col));
            gemm.enqueue(io, og, p, kg, weights, a, io.scratch(col), b, io.output(0), c, g.n() * g.groups(),
                    g.groups(), biasBuf, og, ep.residual() ? io.residual() : null);
        };
    }

    /**
     * Whether the images' columns go side by side into one product: on the block GEMM (PoCL), for ungrouped
     * convolutions at batch > 1 whose plane leaves a 16-column block part empty — resnet50's 7×7 layers fill 49 of
     * 64 columns per image, 392 of 400 over a batch of 8. A 1×1 convolution must gather its input for it (an
     * im2col that only copies), so it takes this only where a sixth or more of its columns would be empty. The
     * tuning's {@code OVER_BATCH} (default 1) turns it off with 0.
     */
    static boolean overBatch(KernelContext ctx, ConvGeometry g) {
        int p = g.p();
        int padded = (p + 15) / 16 * 16;
        boolean worth = g.pointwise() ? padded * 5 >= p * 6 : padded != p;
        return ctx.tuning().get("OVER_BATCH") == 1 && Launches.groupTarget(ctx) > 0
                && Gemm.batchesColumns(ctx, Gemm.Layout.PACKED) && g.n() > 1 && g.groups() == 1 && worth;
    }

    /** im2col (or the gather of a 1×1 convolution) into [k][n][p], then one GEMM over every image's columns. */
    private static Step batchedOverImages(KernelContext ctx, ConvGeometry g, Gemm.Bias bias, ClBuffer biasBuf,
            Epilogue ep) {
        int p = g.p();
        int k = g.c() * g.kh() * g.kw();
        int columns = Math.multiplyExact(g.n(), p);
        Gemm gemm = Gemm.columnBatched(ctx, Gemm.Layout.PACKED, bias, ep, g.o(), columns, k, p, (long) g.o() * p);
        ClBuffer weights = ctx.constant("weight", gemm.pack(ctx.param("weight").data(), 1, g.o(), k));
        int col = ctx.scratch((long) k * columns);
        Im2col im2col = new Im2col(ctx, g, p, columns);
        Operand a = gemm.packed(g.o(), k);
        Operand b = Operand.of(columns);
        Operand c = Operand.of(p);
        return io -> {
            im2col.enqueue(io, io.scratch(col));
            gemm.enqueue(io, g.o(), columns, k, weights, a, io.scratch(col), b, io.output(0), c, 1, 1, biasBuf, 0,
                    ep.residual() ? io.residual() : null);
        };
    }

    /** One im2col launch writing image n's row k at n·imageStride + k·rowStride. */
    private static final class Im2col {
        private final ClKernel kernel;
        private final long[] global;
        private final long[] local;
        private final ConvGeometry g;
        private final int imageStride;
        private final int rowStride;

        Im2col(KernelContext ctx, ConvGeometry g, long imageStride, int rowStride) {
            // One work-item per element for GPUs; per output row where work-items are costly (CPUs).
            boolean rows = Launches.groupTarget(ctx) > 0;
            this.kernel = ctx.kernel("conv/im2col", rows ? "im2col_rows" : "im2col", Defines.of());
            int wg = Launches.group(kernel, ctx);
            int k = g.c() * g.kh() * g.kw();
            this.global = rows ? new long[] {g.ho(), g.c(), g.n()} : new long[] {Launches.roundUp(g.p(), wg), k,
                g.n()};
            this.local = rows ? Launches.itemGroups(ctx, global) : new long[] {wg, 1, 1};
            this.g = g;
            this.imageStride = Math.toIntExact(imageStride);
            this.rowStride = rowStride;
        }

        void enqueue(StepIo io, ClBuffer col) {
            kernel.arg(0, io.input(0)).arg(1, col).ints(2, g.c(), g.h(), g.w(), g.kh(), g.kw(), g.sh(), g.sw(),
                    g.pt(), g.pl(), g.dh(), g.dw(), g.ho(), g.wo(), imageStride, rowStride);
            io.launch(kernel, global, local);
        }
    }

    /**
     * Lanes per vector step along a row of {@code width} values (the depthwise kernels' outputs, the fused kernel's
     * expanded inputs): 16 from 14 columns on (as many wasted lanes as 8 would waste there), else 8, even on
     * narrower rows: MobileNet's 7-wide rows took 0.8 ms per layer on PoCL as scalar steps of 4 with a bounds test
     * per output, where one 8-lane vector step (one lane wasted) needs no test at all.
     */
    static int vectorLanes(int width) {
        return width >= 14 ? 16 : 8;
    }

    private static Step depthwise(KernelContext ctx, ConvGeometry g, ClBuffer biasBuf, Epilogue ep) {
        ClBuffer weights = ctx.constant("weight", ctx.param("weight").data());
        int vw = vectorLanes(g.wo());
        int rows = ctx.tuning().get("DW_ROWS");
        // A padded copy lets the kernel drop every bounds test; only for its vector cases (8 or 16 outputs, stride
        // 1 or 2) and where the tuning asks for it (CPUs).
        boolean padded = ctx.tuning().get("DW_PAD") == 1 && vw >= 8 && g.sw() <= 2;
        Defines d = Defines.of().set("KH", g.kh()).set("KW", g.kw()).set("SH", g.sh()).set("SW", g.sw())
                .set("DH", g.dh()).set("DW", g.dw()).set("VW", vw).set("ROWS", rows).set("PADDED", padded ? 1 : 0)
                .set("HAS_BIAS", biasBuf == null ? 0 : 1).setAll(ep.defines());
        ClKernel k = ctx.kernel("conv/depthwise", "depthwise", d);
        long[] global = {(g.ho() + rows - 1) / rows, (long) g.n() * g.o()};
        long[] groups = Launches.itemGroups(ctx, global);
        if (!padded) {
            return io -> {
                ClBuffer y = io.output(0);
                bind(k, io, weights, biasBuf, ep, y).ints(5, g.c(), g.h(), g.w(), g.o(), g.ho(), g.wo(), g.pt(),
                        g.pl());
                io.launch(k, global, groups);
            };
        }
        int hp = (g.ho() - 1) * g.sh() + (g.kh() - 1) * g.dh() + 1;
        int wp = (g.wo() + vw - 1) / vw * vw * g.sw() + (g.kw() - 1) * g.dw();
        int plane = ctx.scratch((long) g.n() * g.c() * hp * wp);
        ClKernel pad = ctx.kernel("conv/depthwise", "pad_plane", d);
        long[] padGlobal = {hp, (long) g.n() * g.c()};
        long[] padGroups = Launches.itemGroups(ctx, padGlobal);
        return io -> {
            pad.arg(0, io.input(0)).arg(1, io.scratch(plane)).ints(2, g.h(), g.w(), hp, wp, g.pt(), g.pl());
            io.launch(pad, padGlobal, padGroups);
            ClBuffer y = io.output(0);
            bind(k, io, weights, biasBuf, ep, y).arg(0, io.scratch(plane)).ints(5, g.c(), hp, wp, g.o(), g.ho(),
                    g.wo(), 0, 0);
            io.launch(k, global, groups);
        };
    }

    private static ClKernel bind(ClKernel k, StepIo io, ClBuffer weights, ClBuffer biasBuf,
            Epilogue ep, ClBuffer y) {
        return k.arg(0, io.input(0)).arg(1, weights).arg(2, biasBuf == null ? weights : biasBuf)
                .arg(3, ep.residual() ? io.residual() : y).arg(4, y);
    }
}
