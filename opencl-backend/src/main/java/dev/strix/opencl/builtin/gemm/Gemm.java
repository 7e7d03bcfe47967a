package dev.strix.opencl.builtin.gemm;

import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.kernel.Tuning;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * The batched GEMM every matrix product goes through (convolutions, linears, matmuls, attention), in the variant
 * the device's tuning chooses: {@code gemm/gemm_block.cl} (PoCL) or {@code gemm/gemm_register.cl} for CPUs,
 * {@code gemm/gemm_local.cl} for GPUs.
 * Computes {@code C[b] = act(A[b]·B[b] + bias + R[b])} with B row-major K×N and A either M×K or (transposed) K×M.
 *
 * <p>On a device with a loop budget (the tuning's {@code LOOP_BUDGET}: Mesa's llvmpipe stops every loop of a
 * kernel invocation after 65,535 iterations in total) K is split into slices small enough to stay within it; later
 * slices accumulate into C and only the last applies the bias and epilogue.
 */
public final class Gemm {
    /** Where an operand's matrices lie: start, leading dimension, and batch strides (outer, inner). */
    public record Operand(int offset, int ld, int stride1, int stride2) {
        public static Operand of(int ld) {
            return new Operand(0, ld, 0, 0);
        }

        Operand shifted(int by) {
            return new Operand(offset + by, ld, stride1, stride2);
        }
    }

    /** How A is stored: row-major M×K (activations), or a constant {@link #pack packed} for the kernel. */
    public enum Layout { ROW_MAJOR, PACKED }

    /** Bias modes: none, one value per row of C, one per column. */
    public enum Bias { NONE, PER_ROW, PER_COLUMN }

    /** A built kernel and its launch shape. */
    private record Variant(ClKernel kernel, boolean bias, boolean residual) {}

    private final boolean local;
    private final boolean block;
    private final Layout layout;
    private final int k;
    private final int slice;
    private final Variant first;
    private final Variant middle;
    private final Variant last;
    private final int rm;
    private final int rn;
    private final int tsm;
    private final int tsn;
    private final int wptm;
    private final int wptn;
    private final long groupTarget;
    private final long maxGroup;
    private final boolean mFirst;

    private Gemm(KernelContext ctx, Layout layout, Bias bias, Epilogue epilogue, long m, long n, int k,
            int colPlane, long colStride) {
        Tuning t = ctx.tuning();
        int kind = kind(t, layout);
        this.local = kind == 1;
        this.block = kind == 2;
        this.layout = layout;
        this.k = k;
        this.rm = block ? t.get("BRM") : t.get("RM");
        this.rn = block ? 16 * t.get("BNB") : t.get("RN");
        int[] tile = local ? fitTile(ctx, t) : new int[4];
        this.tsm = tile[0];
        this.tsn = tile[1];
        this.wptm = tile[2];
        this.wptn = tile[3];
        int budget = t.get("LOOP_BUDGET");
        int s = k;
        if (budget > 0) {
            // Loop iterations per k: the local kernel's tile loops; the register kernel's lane loop; the block
            // kernel's row, vector and lane loops (its edge blocks load lane by lane), which llvmpipe counted at
            // about twice that sum (a 1×16 block of 16 rows passed with 564 k per slice and failed with 660), so
            // it is given three times. The block kernel also spends a fixed part of the budget outside the k loop:
            // clearing its accumulators and storing an edge block lane by lane.
            int perK = local ? 32 : block ? 3 * (rm * (rn / 16) + rm + rn) + 8 : rn + 2;
            int fixed = block ? rm * (rn + rn / 16) + rm * (rn / 16) + 64 : 0;
            s = local ? budget / perK / t.get("TSK") * t.get("TSK") : (budget - fixed) / perK / 4 * 4;
            s = Math.max(1, s);
        }
        this.slice = s;
        this.groupTarget = Launches.groupTarget(ctx);
        this.maxGroup = ctx.device().maxWorkGroupSize();
        // With explicit groups (CPUs) the operand re-read is the smaller: M blocks first re-read A (M×K) and keep
        // each B panel close, N blocks first the other way round. Unknown shapes (m or n 0) go N first.
        this.mFirst = !local && groupTarget > 0 && m > 0 && n > 0 && m < n;
        Defines base = tuned(t).set("TRANS_A", layout == Layout.ROW_MAJOR ? 0 : local ? 1 : 2);
        if (colPlane > 0) {
            if (!block) {
                throw new IllegalStateException("columns batched over images need the block GEMM");
            }
            base.set("COL_PLANE", colPlane).set("COL_STRIDE", colStride);
        }
        if (!local) {
            base.set("M_FIRST", mFirst ? 1 : 0);
        }
        Defines full = Defines.of().setAll(base).set("BIAS", bias.ordinal()).setAll(epilogue.defines());
        if (slice >= k) {
            first = new Variant(build(ctx, full), bias != Bias.NONE, epilogue.residual());
            middle = null;
            last = null;
        } else {
            first = new Variant(build(ctx, Defines.of().setAll(base)), false, false);
            middle = new Variant(build(ctx, Defines.of().setAll(base).set("ACCUMULATE", 1)), false, false);
            last = new Variant(build(ctx, full.set("ACCUMULATE", 1)), bias != Bias.NONE, epilogue.residual());
        }
    }

    /** Builds the GEMM for this node and device, for products with inner dimension {@code k}. */
    public static Gemm create(KernelContext ctx, Layout layout, Bias bias, Epilogue epilogue, int k) {
        return new Gemm(ctx, layout, bias, epilogue, 0, 0, k, 0, 0);
    }

    private static int kind(Tuning t, Layout layout) {
        return layout == Layout.ROW_MAJOR && t.get("GEMM_KIND_ROWS") >= 0 ? t.get("GEMM_KIND_ROWS")
                : t.get("GEMM_KIND");
    }

    /** Whether this device's GEMM for {@code layout} can batch columns over images ({@link #columnBatched}). */
    public static boolean batchesColumns(KernelContext ctx, Layout layout) {
        return kind(ctx.tuning(), layout) == 2;
    }

    /**
     * Builds one product of m×k by k×(images·plane) whose B holds every image's columns side by side
     * ([k][images·plane]) and whose C is laid out per image, {@code colStride} apart ([images][m][plane], row
     * {@code ldc} apart): a batch of small planes (7×7) as one product instead of one per image, each of which
     * would leave most of a 16-column block empty. Only where {@link #batchesColumns} (the block kernel).
     */
    public static Gemm columnBatched(KernelContext ctx, Layout layout, Bias bias, Epilogue epilogue, int m, int n,
            int k, int plane, long colStride) {
        return new Gemm(ctx, layout, bias, epilogue, m, n, k, plane, colStride);
    }

    /**
     * Builds the GEMM for products of {@code m}×{@code k} by {@code k}×{@code n}: knowing the shape, a CPU's
     * kernel orders its blocks so that the smaller operand is the one re-read.
     */
    public static Gemm create(KernelContext ctx, Layout layout, Bias bias, Epilogue epilogue, int m, int n, int k) {
        return new Gemm(ctx, layout, bias, epilogue, m, n, k, 0, 0);
    }

    /**
     * Packs {@code groups} row-major M×K matrices (a weight) for this kernel: RM-row panels for the register kernel
     * (each k step reads RM consecutive floats; rows padded with zeros), K×M for the local one.
     */
    public float[] pack(float[] w, int groups, int m, int k) {
        int size = groupSize(m, k);
        float[] out = new float[groups * size];
        for (int g = 0; g < groups; g++) {
            int src = g * m * k;
            int dst = g * size;
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < k; c++) {
                    int at = local ? c * m + r : (r / rm) * k * rm + c * rm + r % rm;
                    out[dst + at] = w[src + r * k + c];
                }
            }
        }
        return out;
    }

    /** The operand of a {@link #pack packed} weight; group g starts at g × the group size. */
    public Operand packed(int m, int k) {
        return new Operand(0, local ? m : k * rm, 0, groupSize(m, k));
    }

    private int groupSize(int m, int k) {
        return local ? m * k : (m + rm - 1) / rm * rm * k;
    }

    private Defines tuned(Tuning t) {
        if (local) {
            return Defines.of().set("TSM", tsm).set("TSN", tsn).set("TSK", t.get("TSK")).set("WPTM", wptm)
                    .set("WPTN", wptn);
        }
        return block ? Defines.of().set("RM", rm).set("NB", rn / 16) : t.defines("RM", "RN");
    }

    private ClKernel build(KernelContext ctx, Defines d) {
        return ctx.kernel(local ? "gemm/gemm_local" : block ? "gemm/gemm_block" : "gemm/gemm_register", "gemm", d);
    }

    /**
     * The tuned local tile, halved until the kernel's reported work-group limit (CL_KERNEL_WORK_GROUP_SIZE) allows
     * its group; the reason is logged once.
     */
    private static int[] fitTile(KernelContext ctx, Tuning t) {
        int m = t.get("TSM");
        int n = t.get("TSN");
        int wm = t.get("WPTM");
        int wn = t.get("WPTN");
        while (true) {
            Defines d = Defines.of().set("TSM", m).set("TSN", n).set("TSK", t.get("TSK")).set("WPTM", wm)
                    .set("WPTN", wn);
            long limit = ctx.kernel("gemm/gemm_local", "gemm", d).maxGroupSize();
            long group = (long) (m / wm) * (n / wn);
            if (group <= limit || (m == wm && n == wn)) {
                return new int[] {m, n, wm, wn};
            }
            String before = m + "x" + n;
            if (m >= n && m > wm) {
                m /= 2;
            } else {
                n /= 2;
            }
            Tuning.logOnce(ctx.device(), "GEMM tile " + before + " needs " + group + " work-items per group, the "
                    + "kernel allows " + limit + " (CL_KERNEL_WORK_GROUP_SIZE); using " + m + "x" + n);
        }
    }

    /**
     * Enqueues {@code batches} products of M×K by K×N; batch b uses offsets {@code off + (b / inner)·s1 +
     * (b % inner)·s2} of each operand, and bias {@code biasBuf} shifted by {@code (b % inner)·biasStride2}.
     * {@code residualBuf} is laid out like C (ignored unless the epilogue has a residual).
     */
    public void enqueue(StepIo io, int m, int n, int kk, ClBuffer a, Operand ao, ClBuffer b, Operand bo, ClBuffer c,
            Operand co, int batches, int inner, ClBuffer biasBuf, int biasStride2, ClBuffer residualBuf) {
        if (kk != k) {
            throw new IllegalArgumentException("GEMM built for K = " + k + " enqueued with K = " + kk);
        }
        for (int k0 = 0; k0 < k; k0 += slice) {
            int len = Math.min(slice, k - k0);
            Variant v = k0 == 0 ? first : k0 + len >= k ? last : middle;
            Operand as = ao.shifted(layout == Layout.ROW_MAJOR ? k0 : local ? k0 * ao.ld() : k0 * rm);
            Operand bs = bo.shifted(k0 * bo.ld());
            launch(io, v, m, n, len, a, as, b, bs, c, co, batches, inner, biasBuf, biasStride2, residualBuf);
        }
    }

    private void launch(StepIo io, Variant v, int m, int n, int k, ClBuffer a, Operand ao, ClBuffer b, Operand bo,
            ClBuffer c, Operand co, int batches, int inner, ClBuffer biasBuf, int biasStride2, ClBuffer residualBuf) {
        ClKernel kernel = v.kernel();
        kernel.ints(0, m, n, k);
        kernel.arg(3, a).ints(4, ao.offset(), ao.ld(), ao.stride1(), ao.stride2());
        kernel.arg(8, b).ints(9, bo.offset(), bo.ld(), bo.stride1(), bo.stride2());
        kernel.arg(13, c).ints(14, co.offset(), co.ld(), co.stride1(), co.stride2());
        kernel.arg(18, inner);
        kernel.arg(19, v.bias() ? biasBuf : c).arg(20, biasStride2);
        kernel.arg(21, v.residual() ? residualBuf : c);
        if (local) {
            long gx = tsn / wptn;
            long gy = tsm / wptm;
            io.launch(kernel, new long[] {ceil(n, tsn) * gx, ceil(m, tsm) * gy, batches}, new long[] {gx, gy, 1});
        } else {
            long[] global = mFirst ? new long[] {ceil(m, rm), ceil(n, rn), batches}
                    : new long[] {ceil(n, rn), ceil(m, rm), batches};
            io.launch(kernel, global, Launches.groupsFor(global, groupTarget, maxGroup));
        }
    }

    static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    /** {@code w} (rows × cols, row-major) transposed to cols × rows: how weights are packed for the kernels. */
    public static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }
}
