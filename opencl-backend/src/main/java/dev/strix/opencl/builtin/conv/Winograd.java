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
 * 3×3 stride-1 convolutions as Winograd F(m×m, 3×3) with output tiles of m = 2 or m = 4 ({@code conv/winograd.cl}):
 * the input's (m+2)×(m+2) tiles are transformed into (m+2)² matrices, multiplied by
 * the (m+2)² matrices of the weight transformed once here (one batched GEMM over every image's tiles), and
 * transformed back into m×m output tiles with the bias and the fused epilogue. F(2×2) does 2.25× fewer
 * multiplications than im2col + GEMM, F(4×4) 4× fewer, and neither has an im2col pass.
 *
 * <p>Taken where the tuning's {@code WINOGRAD} is 1 and the layer has enough channels on both sides for its GEMMs
 * to be worth it ({@link #MIN_CHANNELS}); the option {@code opencl.tune.WINOGRAD} overrides the table. The tile is
 * the tuning's {@code WINOGRAD_TILE} (2 or 4), or where that is 0 chosen per layer: 4 where the layer has at least
 * {@link #MIN_TILES4} tiles of 4×4 (the GEMM's columns), else 2 (resnet50's 7×7 layers at batch 1: 4 tiles).
 */
final class Winograd {
    /** Fewer input or output channels than this keep im2col + GEMM: the GEMMs would be too thin. */
    static final int MIN_CHANNELS = 16;
    /** Fewer 4×4 tiles than this (over the batch) take F(2×2): one 16-column GEMM block would stay part empty. */
    static final int MIN_TILES4 = 16;

    /** F(2×2, 3×3)'s G: U = G g Gᵀ. */
    private static final double[][] G2 = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
    /** F(4×4, 3×3)'s G. */
    private static final double[][] G4 = {{0.25, 0, 0}, {-1.0 / 6, -1.0 / 6, -1.0 / 6}, {-1.0 / 6, 1.0 / 6, -1.0 / 6},
        {1.0 / 24, 1.0 / 12, 1.0 / 6}, {1.0 / 24, -1.0 / 12, 1.0 / 6}, {0, 0, 1}};

    private Winograd() {}

    /** Whether this convolution runs as Winograd on this device. */
    static boolean applies(KernelContext ctx, ConvGeometry g) {
        return ctx.tuning().get("WINOGRAD") == 1 && g.kh() == 3 && g.kw() == 3 && g.sh() == 1 && g.sw() == 1
                && g.dh() == 1 && g.dw() == 1 && g.groups() == 1 && g.c() >= MIN_CHANNELS
                && g.o() >= MIN_CHANNELS;
    }

    /** The output tile m for this layer: the tuning's WINOGRAD_TILE, or chosen by the number of 4×4 tiles. */
    static int tile(KernelContext ctx, ConvGeometry g) {
        int tuned = ctx.tuning().get("WINOGRAD_TILE");
        if (tuned == 2 || tuned == 4) {
            return tuned;
        }
        if (tuned != 0) {
            throw new IllegalArgumentException("WINOGRAD_TILE must be 0 (chosen per layer), 2 or 4, not " + tuned);
        }
        long tiles4 = (long) g.n() * ((g.ho() + 3) / 4) * ((g.wo() + 3) / 4);
        return tiles4 >= MIN_TILES4 ? 4 : 2;
    }

    static Step prepare(KernelContext ctx, ConvGeometry g, ClBuffer biasBuf, Epilogue ep) {
        int tile = tile(ctx, g);
        int alpha = tile + 2;
        int positions = alpha * alpha;
        int th = (g.ho() + tile - 1) / tile;
        int tw = (g.wo() + tile - 1) / tile;
        int p = Math.multiplyExact(g.n(), Math.multiplyExact(th, tw));
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.PACKED, Gemm.Bias.NONE, Epilogue.NONE, g.o(), p, g.c());
        float[] u = transformWeights(ctx.param("weight").data(), g.o(), g.c(), tile == 4 ? G4 : G2);
        ClBuffer weights = ctx.constant("weight", gemm.pack(u, positions, g.o(), g.c()));
        int v = ctx.scratch((long) positions * g.c() * p);
        int m = ctx.scratch((long) positions * g.o() * p);
        Defines d = Defines.of().set("HAS_BIAS", biasBuf == null ? 0 : 1).setAll(ep.defines());
        String prefix = tile == 4 ? "winograd4" : "winograd";
        ClKernel input = ctx.kernel("conv/winograd", prefix + "_input", d);
        ClKernel output = ctx.kernel("conv/winograd", prefix + "_output", d);
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
            gemm.enqueue(io, g.o(), p, g.c(), weights, a, io.scratch(v), b, io.scratch(m), c, positions, positions,
                    null, 0, null);
            ClBuffer y = io.output(0);
            output.arg(0, io.scratch(m)).arg(1, biasBuf == null ? weights : biasBuf)
                    .arg(2, ep.residual() ? io.residual() : y).arg(3, y).ints(4, g.o(), g.ho(), g.wo(), th, tw, p);
            io.launch(output, outGlobal, outGroups);
        };
    }

    /**
     * The (m+2)² matrices U[ξ] = (G g Gᵀ)[ξ] (ξ = (m+2)·i + j) of a [o, c, 3, 3] weight, each o × c row-major,
     * computed in double precision.
     */
    static float[] transformWeights(float[] w, int o, int c, double[][] gm) {
        int alpha = gm.length;
        int oc = o * c;
        float[] u = new float[alpha * alpha * oc];
        double[][] t = new double[alpha][3];
        for (int at = 0; at < oc; at++) {
            // t = G g (alpha × 3), then U = t Gᵀ (alpha × alpha).
            for (int i = 0; i < alpha; i++) {
                for (int col = 0; col < 3; col++) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += gm[i][k] * w[at * 9 + 3 * k + col];
                    }
                    t[i][col] = sum;
                }
            }
            for (int i = 0; i < alpha; i++) {
                for (int j = 0; j < alpha; j++) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += t[i][k] * gm[j][k];
                    }
                    u[(alpha * i + j) * oc + at] = (float) sum;
                }
            }
        }
        return u;
    }
}
