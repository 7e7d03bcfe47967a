package dev.strix.opencl.builtin.gemm;

import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.kernel.Tuning;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * The batched GEMM every matrix product goes through (convolutions, linears, matmuls, attention), in the variant
 * the device's tuning chooses: {@code gemm/gemm_register.cl} for CPUs or {@code gemm/gemm_local.cl} for GPUs.
 * Computes {@code C[b] = act(A[b]·B[b] + bias + R[b])} with B row-major K×N and A either M×K or (transposed) K×M.
 */
public final class Gemm {
    /** Where an operand's matrices lie: start, leading dimension, and batch strides (outer, inner). */
    public record Operand(int offset, int ld, int stride1, int stride2) {
        public static Operand of(int ld) {
            return new Operand(0, ld, 0, 0);
        }
    }

    /** Bias modes: none, one value per row of C, one per column. */
    public enum Bias { NONE, PER_ROW, PER_COLUMN }

    private final ClKernel kernel;
    private final boolean local;
    private final Tuning tuning;
    private final Bias bias;
    private final boolean residual;

    private final int tsm;
    private final int tsn;
    private final int wptm;
    private final int wptn;

    private Gemm(ClKernel kernel, boolean local, Tuning tuning, Bias bias, boolean residual, int tsm, int tsn,
            int wptm, int wptn) {
        this.kernel = kernel;
        this.local = local;
        this.tuning = tuning;
        this.bias = bias;
        this.residual = residual;
        this.tsm = tsm;
        this.tsn = tsn;
        this.wptm = wptm;
        this.wptn = wptn;
    }

    /** Builds the GEMM for this node and device. */
    public static Gemm create(KernelContext ctx, boolean transA, Bias bias, Epilogue epilogue) {
        Tuning t = ctx.tuning();
        boolean local = t.get("GEMM_KIND") == 1;
        Defines d = Defines.of().set("TRANS_A", transA ? 1 : 0).set("BIAS", bias.ordinal())
                .setAll(epilogue.defines());
        if (!local) {
            ClKernel k = ctx.kernel("gemm/gemm_register", "gemm", d.setAll(t.defines("RM", "RN")));
            return new Gemm(k, false, t, bias, epilogue.residual(), 0, 0, 0, 0);
        }
        int tsm = t.get("TSM");
        int tsn = t.get("TSN");
        int wptm = t.get("WPTM");
        int wptn = t.get("WPTN");
        while (true) {
            Defines full = Defines.of().setAll(d).set("TSM", tsm).set("TSN", tsn).set("TSK", t.get("TSK"))
                    .set("WPTM", wptm).set("WPTN", wptn);
            ClKernel k = ctx.kernel("gemm/gemm_local", "gemm", full);
            long group = (long) (tsm / wptm) * (tsn / wptn);
            if (group <= k.maxGroupSize() || (tsm == wptm && tsn == wptn)) {
                return new Gemm(k, true, t, bias, epilogue.residual(), tsm, tsn, wptm, wptn);
            }
            // The kernel allows fewer work-items than the tile needs: halve the larger tile side and rebuild.
            String before = tsm + "x" + tsn;
            if (tsm >= tsn && tsm > wptm) {
                tsm /= 2;
            } else {
                tsn /= 2;
            }
            Tuning.logOnce(ctx.device(), "GEMM tile " + before + " needs " + group + " work-items per group, the "
                    + "kernel allows " + k.maxGroupSize() + " (CL_KERNEL_WORK_GROUP_SIZE); using " + tsm + "x" + tsn);
        }
    }

    /**
     * Enqueues {@code batches} products of M×K by K×N; batch b uses offsets {@code off + (b / inner)·s1 +
     * (b % inner)·s2} of each operand, and bias {@code biasBuf} shifted by {@code (b % inner)·biasStride2}.
     * {@code residualBuf} is laid out like C (ignored unless the epilogue has a residual).
     */
    public void enqueue(StepIo io, int m, int n, int k, ClBuffer a, Operand ao, ClBuffer b, Operand bo, ClBuffer c,
            Operand co, int batches, int inner, ClBuffer biasBuf, int biasStride2, ClBuffer residualBuf) {
        kernel.ints(0, m, n, k);
        kernel.arg(3, a).ints(4, ao.offset(), ao.ld(), ao.stride1(), ao.stride2());
        kernel.arg(8, b).ints(9, bo.offset(), bo.ld(), bo.stride1(), bo.stride2());
        kernel.arg(13, c).ints(14, co.offset(), co.ld(), co.stride1(), co.stride2());
        kernel.arg(18, inner);
        kernel.arg(19, bias == Bias.NONE ? c : biasBuf).arg(20, biasStride2);
        kernel.arg(21, residual ? residualBuf : c);
        if (local) {
            long gx = tsn / wptn;
            long gy = tsm / wptm;
            io.launch(kernel, new long[] {ceil(n, tsn) * gx, ceil(m, tsm) * gy, batches}, new long[] {gx, gy, 1});
        } else {
            io.launch(kernel, new long[] {ceil(n, tuning.get("RN")), ceil(m, tuning.get("RM")), batches}, null);
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
