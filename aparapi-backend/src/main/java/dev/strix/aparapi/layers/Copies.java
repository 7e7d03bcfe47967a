package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.CopyKernel;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.spi.NodeContext;

/** Plans {@link CopyKernel} launches: the one data-movement kernel behind permute, slice, split and concat. */
final class Copies {
    private Copies() {}

    /**
     * Copies a block of shape {@code dims} from {@code x} (strides {@code xStrides}, offset {@code xOffset}) into
     * {@code y} (strides {@code yStrides}, offset {@code yOffset}). {@code partial} says the copy fills only part
     * of {@code y}, which must then be uploaded too so the rest survives.
     */
    static Launch copy(NodeContext node, float[] x, int xOffset, int[] xStrides, float[] y, int yOffset,
            int[] yStrides, int[] dims, boolean partial) {
        CopyKernel k = new CopyKernel();
        k.x = x;
        k.y = y;
        k.dims = Layouts.pad(dims, 1, "copies");
        k.xStrides = Layouts.pad(xStrides, 0, "copies");
        k.yStrides = Layouts.pad(yStrides, 0, "copies");
        k.xOffset = xOffset;
        k.yOffset = yOffset;
        int items = 1;
        for (int d : dims) {
            items *= d;
        }
        k.n = items;
        Launch l = node.launch(k, items).reads(x).writes(y);
        return partial ? l.reads(y) : l;
    }
}
