package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.CopyKernel;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.spi.NodeContext;

/** Plans {@link CopyKernel} launches: the one data-movement kernel behind permute, slice, split and concat. */
final class Copies {
    /** Work items a copy keeps at least (where it has that many elements), so both targets' threads have work. */
    static final int MIN_ITEMS = 256;

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
        int rows = 1;
        for (int d = 0; d < CopyKernel.RANK - 1; d++) {
            rows *= k.dims[d];
        }
        int last = k.dims[CopyKernel.RANK - 1];
        // Whole rows per work item, split only while there would be fewer than MIN_ITEMS work items.
        int pieces = Math.min(last, Math.max(1, (MIN_ITEMS + rows - 1) / rows));
        k.chunk = (last + pieces - 1) / pieces;
        int items = rows * ((last + k.chunk - 1) / k.chunk);
        k.n = items;
        Launch l = node.launch(k, items).reads(x).writes(y);
        return partial ? l.reads(y) : l;
    }
}
