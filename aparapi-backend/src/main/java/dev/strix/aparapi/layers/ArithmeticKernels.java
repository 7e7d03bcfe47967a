package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.BinaryKernel;
import dev.strix.aparapi.kernels.MatrixKernel;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import java.util.Arrays;
import java.util.List;

/** add and mul on {@link BinaryKernel}; matmul and linear on {@link MatrixKernel}s. */
final class ArithmeticKernels {
    private ArithmeticKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.of("add", node -> binary(node, BinaryKernel.ADD, Epilogue.NONE)),
                Builtin.of("mul", node -> binary(node, BinaryKernel.MUL, Epilogue.NONE)),
                Builtin.of("matmul", ArithmeticKernels::matmul),
                Builtin.of("linear", node -> linear(node, Epilogue.NONE)));
    }

    static void binary(NodeContext node, int op, Epilogue e) {
        broadcast(node, node.input(0), node.inputShape(0), false, node.input(1), node.inputShape(1), false, op)
                .activation(e.act(), e.alpha());
    }

    /**
     * y = a op b with NumPy broadcasting to the node's output shape; a constant operand (a parameter) is uploaded
     * once instead of every run.
     */
    static BinaryKernel broadcast(NodeContext node, float[] a, Shape aShape, boolean aConstant, float[] b, Shape bShape,
            boolean bConstant, int op) {
        Shape out = node.outputShape(0);
        BinaryKernel k = new BinaryKernel();
        k.a = a;
        k.b = b;
        k.y = node.output(0);
        k.n = k.y.length;
        k.op = op;
        k.same = aShape.equals(out) && bShape.equals(out) ? 1 : 0;
        k.dims = Layouts.pad(out.toArray(), 1, "broadcasts");
        k.aStrides = Layouts.pad(Layouts.broadcastStrides(aShape, out), 0, "broadcasts");
        k.bStrides = Layouts.pad(Layouts.broadcastStrides(bShape, out), 0, "broadcasts");
        var launch = node.launch(k, k.n).constants(k.dims, k.aStrides, k.bStrides).writes(k.y);
        launch = aConstant ? launch.constants(a) : launch.reads(a);
        launch = bConstant ? launch.constants(b) : launch.reads(b);
        return k;
    }

    private static void matmul(NodeContext node) {
        Shape a = node.inputShape(0);
        Shape b = node.inputShape(1);
        Shape y = node.outputShape(0);
        boolean transB = node.attributes().getBoolean("transpose_b", false);
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = y.dim(-1);
        Shape batch = Shape.of(Arrays.copyOf(y.toArray(), y.rank() - 2));
        int[] sa = Layouts.broadcastStrides(Shape.of(Arrays.copyOf(a.toArray(), a.rank() - 2)), batch);
        int[] sb = Layouts.broadcastStrides(Shape.of(Arrays.copyOf(b.toArray(), b.rank() - 2)), batch);
        int batches = (int) batch.size();
        int[] aOffsets = new int[batches];
        int[] bOffsets = new int[batches];
        for (int i = 0; i < batches; i++) {
            int rest = i;
            for (int d = batch.rank() - 1; d >= 0; d--) {
                int idx = rest % batch.dim(d);
                rest /= batch.dim(d);
                aOffsets[i] += idx * sa[d] * m * k;
                bOffsets[i] += idx * sb[d] * k * n;
            }
        }
        float[] av = node.input(0);
        boolean packed = node.mode() == Mode.OPENCL && m >= 8;
        if (packed) {
            // A packed every run in 8-row panels (Gemms.packRows), read 8 rows at a time; offsets move to panels.
            av = Gemms.packRows(node, av, node.input(0).length / (m * k), m * k, m, k);
            for (int i = 0; i < batches; i++) {
                aOffsets[i] = aOffsets[i] / (m * k) * ((m + 7) / 8 * k * 8);
            }
        }
        MatrixKernel mk = Gemms.gemm(node, av, aOffsets, node.input(1), bOffsets, node.output(0), m, n, k, k,
                transB ? k : n, transB, null, 0);
        mk.packedA = packed ? 1 : 0;
        node.lastLaunch().reads(av, node.input(1));
    }

    static void linear(NodeContext node, Epilogue e) {
        Shape x = node.inputShape(0);
        int in = x.dim(-1);
        int out = node.outputShape(0).dim(-1);
        Tensor bias = node.optionalParam("bias");
        MatrixKernel k = Gemms.linear(node, node.input(0), node.param("weight").data(),
                bias == null ? null : bias.data(), node.output(0), node.input(0).length / in, in, out);
        k.act = e.act();
        k.alpha = e.alpha();
        Gemms.addResidual(node, k, e.residual());
    }
}
