package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.ResampleKernel;
import dev.strix.aparapi.spi.NodeContext;

/** Launches a fully configured {@link ResampleKernel}: its tables are constants, x is read, y written. */
final class Resamples {
    private Resamples() {}

    static void launch(NodeContext node, ResampleKernel k) {
        k.n = k.y.length;
        node.launch(k, k.n).constants(k.rowLo, k.rowHi, k.rowFrac, k.colLo, k.colHi, k.colFrac).reads(k.x)
                .writes(k.y);
    }
}
