package dev.strix.opencl.builtin.conv;

import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;

/**
 * 3×3 stride-1 convolutions as Winograd F(2×2, 3×3) ({@code conv/winograd.cl}): the input's 4×4 tiles are
 * transformed into 16 matrices, multiplied by the 16 matrices of the weight transformed once here (one batched GEMM
 * over every image's tiles), and transformed back into 2×2 output tiles with the bias and the fused epilogue.
 * 2.25× fewer multiplications than im2col + GEMM, and no im2col pass.
 *
 * <p>Taken where the tuning's {@code WINOGRAD} is 1 and the layer has enough channels on both sides for its GEMMs
 * to be worth it ({@link #MIN_CHANNELS}); the option {@code opencl.tune.WINOGRAD} overrides the table.
 */
final class Winograd {
    /** Fewer input or output channels than this keep im2col + GEMM: the 16 products would be too thin. */
    static final int MIN_CHANNELS = 16;

    private Winograd() {}

    /** Whether this convolution runs as Winograd F(2×2, 3×3) on this device. */
    static boolean applies(KernelContext ctx, ConvGeometry g) {
        return ctx.tuning().get("WINOGRAD") == 1 && g.kh() == 3 && g.kw() == 3 && g.sh() == 1 && g.sw() == 1
                && g.dh() == 1 && g.dw() == 1 && g.groups() == 1 && g.c() >= MIN_CHANNELS
                && g.o() >= MIN_CHANNELS;
    }

    static Step prepare(KernelContext ctx, ConvGeometry g, ClBuffer biasBuf, Epilogue ep) {
        int th = (g.ho() + 1) / 2;
        int tw = (g.wo() + 1) / 2;
        int p = Math.multiplyExact(g.n(), Math.multiplyExact(th, tw));
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.PACKED, Gemm.Bias.NONE, Epilogue.NONE, g.o(), p, g.c());
        float[] u = transformWeights(ctx.param("weight").data(), g.o(), g.c());
        ClBuffer weights = ctx.constant("weight", gemm.pack(u, 16, g.o(), g.c()));
        int v = ctx.scratch(16L * g.c() * p);
        int m = ctx.scratch(16L * g.o() * p);
        Defines d = Defines.of().set("HAS_BIAS", biasBuf == null ? 0 : 1).setAll(ep.defines());
        ClKernel input = ctx.kernel("conv/winograd", "winograd_input", d);
        ClKernel output = ctx.kernel("conv/winograd", "winograd_output", d);
        long[] inGlobal = {th, g.c(), g.n()};
        long[] outGlobal = {th, g.o(), g.n()};
        long[] inGroups = Launches.itemGroups(ctx, inGlobal);
        long[] outGroups = Launches.itemGroups(ctx, outGlobal);
        // Position ξ is the GEMM's (inner) batch index: U[ξ], V[ξ] and M[ξ] are one matrix size apart.
        Operand a = gemm.packed(g.o(), g.c());
        Operand b = new Operand(0, p, 0, g.c() * p);
        Operand c = new Operand(0, p, 0, g.o() * p);
        return io -> {
            input.arg(0, io.input(0)).arg(1, io.scratch(v)).ints(2, g.c(), g.h(), g.w(), g.pt(), g.pl(), th, tw, p);
            io.launch(input, inGlobal, inGroups);
            gemm.enqueue(io, g.o(), p, g.c(), weights, a, io.scratch(v), b, io.scratch(m), c, 16, 16, null, 0, null);
            ClBuffer y = io.output(0);
            output.arg(0, io.scratch(m)).arg(1, biasBuf == null ? weights : biasBuf)
                    .arg(2, ep.residual() ? io.residual() : y).arg(3, y).ints(4, g.o(), g.ho(), g.wo(), th, tw, p);
            io.launch(output, outGlobal, outGroups);
        };
    }

    /**
     * The 16 matrices U[ξ] = (G g Gᵀ)[ξ] (ξ = 4i + j) of a [o, c, 3, 3] weight, each o × c row-major, computed in
     * double precision.
     */
    static float[] transformWeights(float[] w, int o, int c) {
        float[] u = new float[16 * o * c];
        double[][] t = new double[4][3];
        for (int oc = 0; oc < o * c; oc++) {
            int at = oc * 9;
            for (int col = 0; col < 3; col++) {
                double g0 = w[at + col];
                double g1 = w[at + 3 + col];
                double g2 = w[at + 6 + col];
                t[0][col] = g0;
                t[1][col] = (g0 + g1 + g2) / 2;
                t[2][col] = (g0 - g1 + g2) / 2;
                t[3][col] = g2;
            }
            for (int i = 0; i < 4; i++) {
                double[] r = t[i];
                u[((4 * i) * o * c) + oc] = (float) r[0];
                u[((4 * i + 1) * o * c) + oc] = (float) ((r[0] + r[1] + r[2]) / 2);
                u[((4 * i + 2) * o * c) + oc] = (float) ((r[0] - r[1] + r[2]) / 2);
                u[((4 * i + 3) * o * c) + oc] = (float) r[2];
            }
        }
        return u;
    }
}
