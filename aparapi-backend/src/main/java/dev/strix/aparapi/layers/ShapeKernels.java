package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.ResampleKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import java.util.List;

/**
 * Shape and data movement: views for identity, flatten, reshape and the inference no-ops (dropout,
 * stochastic_depth); {@link dev.strix.aparapi.kernels.CopyKernel} for permute, slice, split and concat;
 * {@link ResampleKernel} for pad.
 */
final class ShapeKernels {
    private ShapeKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.view("identity"),
                Builtin.view("flatten"),
                Builtin.view("reshape"),
                Builtin.view("dropout"),
                Builtin.view("stochastic_depth"),
                Builtin.of("permute", ShapeKernels::permute),
                Builtin.of("slice", ShapeKernels::slice),
                Builtin.of("split", ShapeKernels::split),
                Builtin.of("concat", ShapeKernels::concat),
                Builtin.of("pad", ShapeKernels::pad));
    }

    private static void permute(NodeContext node) {
        Shape x = node.inputShape(0);
        int[] perm = node.attributes().getInts("dims");
        int[] in = Layouts.strides(x.toArray());
        int[] xStrides = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            xStrides[i] = in[x.normalizeAxis(perm[i])];
        }
        int[] out = node.outputShape(0).toArray();
        Copies.copy(node, node.input(0), 0, xStrides, node.output(0), 0, Layouts.strides(out), out, false);
    }

    private static void slice(NodeContext node) {
        Shape x = node.inputShape(0);
        Attributes a = node.attributes();
        int axis = x.normalizeAxis(a.getInt("axis"));
        int start = a.getInt("start");
        if (start < 0) {
            start += x.dim(axis);
        }
        int[] xStrides = Layouts.strides(x.toArray());
        int offset = start * xStrides[axis];
        xStrides[axis] *= a.getInt("step", 1);
        int[] out = node.outputShape(0).toArray();
        Copies.copy(node, node.input(0), offset, xStrides, node.output(0), 0, Layouts.strides(out), out, false);
    }

    private static void split(NodeContext node) {
        Shape x = node.inputShape(0);
        int axis = x.normalizeAxis(node.attributes().getInt("axis", 1));
        int[] xStrides = Layouts.strides(x.toArray());
        int offset = 0;
        for (int i = 0; i < node.node().outputShapes().size(); i++) {
            int[] out = node.outputShape(i).toArray();
            Copies.copy(node, node.input(0), offset * xStrides[axis], xStrides, node.output(i), 0,
                    Layouts.strides(out), out, false);
            offset += out[axis];
        }
    }

    private static void concat(NodeContext node) {
        Shape y = node.outputShape(0);
        int axis = y.normalizeAxis(node.attributes().getInt("axis", 1));
        int[] yStrides = Layouts.strides(y.toArray());
        int offset = 0;
        boolean partial = node.inputCount() > 1;
        for (int i = 0; i < node.inputCount(); i++) {
            int[] in = node.inputShape(i).toArray();
            Copies.copy(node, node.input(i), 0, Layouts.strides(in), node.output(0), offset * yStrides[axis],
                    yStrides, in, partial);
            offset += in[axis];
        }
    }

    /** torch.nn.functional.pad on the last two dims through per-row and per-column source tables. */
    private static void pad(NodeContext node) {
        Shape x = node.inputShape(0);
        Shape y = node.outputShape(0);
        Attributes a = node.attributes();
        int[] p = a.getInts("pads");
        String mode = a.getString("mode", "constant");
        ResampleKernel k = new ResampleKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.height = x.dim(-2);
        k.width = x.dim(-1);
        k.outHeight = y.dim(-2);
        k.outWidth = y.dim(-1);
        k.rowLo = padSources(k.outHeight, p[0], k.height, mode);
        k.rowHi = k.rowLo.clone();
        k.rowFrac = new float[k.outHeight];
        k.colLo = padSources(k.outWidth, p[1], k.width, mode);
        k.colHi = k.colLo.clone();
        k.colFrac = new float[k.outWidth];
        k.fill = (float) a.getDouble("value", 0);
        k.n = k.y.length;
        Resamples.launch(node, k);
    }

    /** For each output index, the input index it copies (reflected or replicated at the edges), or −1 for the fill. */
    private static int[] padSources(int outSize, int before, int size, String mode) {
        int[] src = new int[outSize];
        for (int o = 0; o < outSize; o++) {
            int i = o - before;
            if (i < 0 || i >= size) {
                if (mode.equals("reflect")) {
                    i = i < 0 ? -i : 2 * (size - 1) - i;
                } else if (mode.equals("replicate")) {
                    i = i < 0 ? 0 : size - 1;
                } else {
                    i = -1;
                }
            }
            src[o] = i;
        }
        return src;
    }
}
