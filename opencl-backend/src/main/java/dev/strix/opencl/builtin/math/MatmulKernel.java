package dev.strix.opencl.builtin.math;

import dev.strix.api.Shape;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.builtin.gemm.Gemm;
import dev.strix.opencl.builtin.gemm.Gemm.Operand;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import java.util.ArrayList;
import java.util.List;

/**
 * matmul with broadcast batch dimensions. Batch dimensions are coalesced where both operands and the output stay
 * linear; the last two become the GEMM's two-level batch and any others are looped on the host. A transposed b is
 * first transposed into scratch, so the GEMM always reads b row-major.
 */
public final class MatmulKernel implements OpenClKernel {
    @Override
    public String layerType() {
        return "matmul";
    }

    /** One batch dimension: its size and the matrix strides of a, b and the output along it. */
    private record Dim(int size, int sa, int sb, int sc) {}

    @Override
    public Step prepare(KernelContext ctx) {
        Shape a = ctx.inputShape(0);
        Shape b = ctx.inputShape(1);
        Shape out = ctx.outputShape(0);
        boolean tb = ctx.attributes().getBoolean("transpose_b", false);
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = out.dim(-1);
        List<Dim> dims = batchDims(a, b, out, m * k, k * n, m * n);
        int bMatrices = (int) (b.size() / ((long) k * n));
        ClKernel transpose = tb ? ctx.kernel("attention/transpose", "transpose", Defines.of()) : null;
        int scratch = tb ? ctx.scratch(b.size()) : -1;
        int twg = tb ? Launches.group(transpose, ctx) : 1;
        Gemm gemm = Gemm.create(ctx, Gemm.Layout.ROW_MAJOR, Gemm.Bias.NONE, Epilogue.NONE, k);
        Dim outer = dims.size() >= 2 ? dims.get(dims.size() - 2) : new Dim(1, 0, 0, 0);
        Dim inner = dims.isEmpty() ? new Dim(1, 0, 0, 0) : dims.get(dims.size() - 1);
        List<Dim> loop = dims.size() > 2 ? dims.subList(0, dims.size() - 2) : List.of();
        int loops = loop.stream().mapToInt(Dim::size).reduce(1, (x, y) -> x * y);
        return io -> {
            var bBuf = io.input(1);
            if (tb) {
                transpose.arg(0, bBuf).arg(1, io.scratch(scratch)).ints(2, n, k, 0, k, n * k, 0, 1);
                io.launch(transpose, new long[] {Launches.roundUp((long) n * k, twg), bMatrices}, new long[] {twg, 1});
                bBuf = io.scratch(scratch);
            }
            for (int l = 0; l < loops; l++) {
                int oa = 0;
                int ob = 0;
                int oc = 0;
                int rest = l;
                for (int d = loop.size() - 1; d >= 0; d--) {
                    int idx = rest % loop.get(d).size();
                    rest /= loop.get(d).size();
                    oa += idx * loop.get(d).sa();
                    ob += idx * loop.get(d).sb();
                    oc += idx * loop.get(d).sc();
                }
                gemm.enqueue(io, m, n, k, io.input(0), new Operand(oa, k, outer.sa(), inner.sa()), bBuf,
                        new Operand(ob, n, outer.sb(), inner.sb()), io.output(0),
                        new Operand(oc, n, outer.sc(), inner.sc()), outer.size() * inner.size(), inner.size(), null,
                        0, null);
            }
        };
    }

    /** The output's batch dims with each operand's element strides (0 where broadcast), coalesced. */
    private static List<Dim> batchDims(Shape a, Shape b, Shape out, int ma, int mb, int mc) {
        int rank = out.rank() - 2;
        List<Dim> dims = new ArrayList<>();
        int sa = ma;
        int sb = mb;
        int sc = mc;
        int[] strideA = new int[rank];
        int[] strideB = new int[rank];
        int[] strideC = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            int ai = i - (rank - (a.rank() - 2));
            int bi = i - (rank - (b.rank() - 2));
            int da = ai >= 0 ? a.dim(ai) : 1;
            int db = bi >= 0 ? b.dim(bi) : 1;
            strideA[i] = da == 1 ? 0 : sa;
            strideB[i] = db == 1 ? 0 : sb;
            strideC[i] = sc;
            sa *= da;
            sb *= db;
            sc *= out.dim(i);
        }
        for (int i = 0; i < rank; i++) {
            Dim d = new Dim(out.dim(i), strideA[i], strideB[i], strideC[i]);
            if (d.size() == 1) {
                continue;
            }
            if (!dims.isEmpty()) {
                Dim p = dims.get(dims.size() - 1);
                if (p.sa() == d.sa() * d.size() && p.sb() == d.sb() * d.size() && p.sc() == d.sc() * d.size()) {
                    dims.set(dims.size() - 1, new Dim(p.size() * d.size(), d.sa(), d.sb(), d.sc()));
                    continue;
                }
            }
            dims.add(d);
        }
        return dims;
    }
}
