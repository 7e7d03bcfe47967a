package dev.strix.layers.math;

import dev.strix.api.Attributes;
import dev.strix.api.Parallel;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.layers.LayerChecks;
import java.util.Arrays;
import java.util.List;

/**
 * Batched matrix product (torch.matmul on rank ≥ 2): a [..., M, K] · b [..., K, N], or b given as [..., N, K] with
 * transpose_b; the batch dims broadcast.
 */
public final class Matmul implements LayerType {
    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public String description() {
        return "batched matrix product with broadcast batch dims, optional transposed b";
    }

    /** The batch shape, M, K and N of a product, validated. */
    private record Dims(int[] batch, int m, int k, int n) {
        static Dims of(List<Shape> inputs, Attributes attributes) {
            LayerChecks.count(inputs, 2);
            Shape a = inputs.get(0);
            Shape b = inputs.get(1);
            if (a.rank() < 2 || b.rank() < 2) {
                throw new ShapeException("inputs must have rank at least 2 [..., M, K] and [..., K, N], got " + a
                        + " and " + b);
            }
            boolean t = attributes.getBoolean("transpose_b", false);
            int kb = t ? b.dim(-1) : b.dim(-2);
            if (a.dim(-1) != kb) {
                throw new ShapeException("input 0 " + a + " has K = " + a.dim(-1) + " but input 1 " + b + " has K = "
                        + kb + " (transpose_b = " + t + ")");
            }
            Shape batch = Broadcast.shape(batchOf(a), batchOf(b), "batch dims of input 0", "of input 1");
            return new Dims(batch.toArray(), a.dim(-2), a.dim(-1), t ? b.dim(-2) : b.dim(-1));
        }

        private static Shape batchOf(Shape s) {
            int[] d = Arrays.copyOf(s.toArray(), s.rank() - 2);
            return Shape.of(d);
        }

        Shape output() {
            int[] d = Arrays.copyOf(batch, batch.length + 2);
            d[batch.length] = m;
            d[batch.length + 1] = n;
            return Shape.of(d);
        }
    }

    @Override
    public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
        return List.of(Dims.of(inputs, a).output());
    }

    @Override
    public long macs(List<Shape> inputs, List<Shape> outputs, Attributes a) {
        Dims d = Dims.of(inputs, a);
        return outputs.get(0).size() * d.k();
    }

    @Override
    public List<Tensor> forward(LayerCall call) {
        Tensor a = call.input(0);
        Tensor b = call.input(1);
        Dims d = Dims.of(List.of(a.shape(), b.shape()), call.attributes());
        boolean transposed = call.attributes().getBoolean("transpose_b", false);
        Shape batch = Shape.of(d.batch());
        int[] sa = Broadcast.strides(Dims.batchOf(a.shape()), batch);
        int[] sb = Broadcast.strides(Dims.batchOf(b.shape()), batch);
        Tensor y = call.newOutput(0);
        float[] av = a.data();
        float[] bv = b.data();
        float[] out = y.data();
        int m = d.m();
        int k = d.k();
        int n = d.n();
        int matrices = (int) batch.size();
        Parallel.forRange(matrices * m, job -> {
            int mat = job / m;
            int i = job % m;
            int aOff = 0;
            int bOff = 0;
            int rest = mat;
            for (int dim = batch.rank() - 1; dim >= 0; dim--) {
                int idx = rest % batch.dim(dim);
                rest /= batch.dim(dim);
                aOff += idx * sa[dim];
                bOff += idx * sb[dim];
            }
            aOff = aOff * m * k + i * k;
            bOff *= k * n;
            int yOff = job * n;
            if (transposed) {
                // b is [N, K]: each output is a dot product of two contiguous rows.
                for (int j = 0; j < n; j++) {
                    out[yOff + j] = Dot.of(av, aOff, bv, bOff + j * k, k);
                }
            } else {
                // b is [K, N]: the output row accumulates a[i, kk] times b's row kk, all contiguous.
                for (int kk = 0; kk < k; kk++) {
                    float aik = av[aOff + kk];
                    int bRow = bOff + kk * n;
                    for (int j = 0; j < n; j++) {
                        out[yOff + j] += aik * bv[bRow + j];
                    }
                }
            }
        });
        return List.of(y);
    }

    @Override
    public List<LayerExample> examples() {
        return List.of(
                LayerExample.of("2-D", Attributes.empty(), Shape.of(5, 7), Shape.of(7, 3)),
                LayerExample.of("batched, transposed b", Attributes.builder().put("transpose_b", true).build(),
                        Shape.of(2, 3, 4, 6), Shape.of(2, 3, 5, 6)),
                LayerExample.of("broadcast batch", Attributes.empty(), Shape.of(2, 1, 4, 6), Shape.of(3, 6, 2)));
    }
}
