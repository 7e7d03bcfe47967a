package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.PoolKernel;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.layers.Window2d;
import java.util.List;

/** The pooling layers on {@link PoolKernel}; the global ones are a window over the whole plane. */
final class PoolKernels {
    private PoolKernels() {}

    static List<AparapiKernel> all() {
        return List.of(
                Builtin.of("max_pool2d", node -> window(node, PoolKernel.MAX)),
                Builtin.of("avg_pool2d", node -> window(node, PoolKernel.AVG)),
                Builtin.of("adaptive_avg_pool2d", node -> pool(node, PoolKernel.ADAPTIVE_AVG, null, true)),
                Builtin.of("global_avg_pool", node -> pool(node, PoolKernel.ADAPTIVE_AVG, null, true)),
                Builtin.of("global_max_pool", PoolKernels::globalMax));
    }

    private static void window(NodeContext node, int op) {
        Attributes a = node.attributes();
        pool(node, op, Window2d.read(a, null, false), a.getBoolean("count_include_pad", true));
    }

    private static void globalMax(NodeContext node) {
        Shape x = node.inputShape(0);
        pool(node, PoolKernel.MAX, new Window2d(x.dim(2), x.dim(3), 1, 1, 1, 1, 0, 0, 0, 0), true);
    }

    /** The output size comes from the node (shape inference already applied ceil_mode). */
    private static void pool(NodeContext node, int op, Window2d w, boolean includePad) {
        Shape x = node.inputShape(0);
        Shape y = node.outputShape(0);
        PoolKernel k = new PoolKernel();
        k.x = node.input(0);
        k.y = node.output(0);
        k.op = op;
        k.height = x.dim(2);
        k.width = x.dim(3);
        k.outHeight = y.dim(2);
        k.outWidth = y.dim(3);
        if (w != null) {
            k.kernelH = w.kernelH();
            k.kernelW = w.kernelW();
            k.strideH = w.strideH();
            k.strideW = w.strideW();
            k.padTop = w.padTop();
            k.padLeft = w.padLeft();
            k.dilationH = w.dilationH();
            k.dilationW = w.dilationW();
        }
        k.includePad = includePad ? 1 : 0;
        k.n = k.y.length;
        node.launch(k, k.n).reads(k.x).writes(k.y);
    }
}
