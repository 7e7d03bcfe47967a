package dev.strix.models.swin;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * torchvision's {@code PatchMerging}: halves H and W of a channels-last map by gathering each 2×2 neighbourhood
 * into 4·C channels (in the order x[0::2, 0::2], x[1::2, 0::2], x[0::2, 1::2], x[1::2, 1::2]), then {@code norm}
 * (layer norm over 4·C) and {@code reduction} (linear 4·C → 2·C without bias). An odd height or width is first
 * padded with a zero row or column at the bottom or right, as torchvision's {@code _patch_merging_pad} does.
 */
final class PatchMerging {
    private PatchMerging() {}

    /** Adds the merging in {@code net}'s scope ({@code features.2}) and returns the [N, H/2, W/2, 2C] map. */
    static Value apply(Net net, Value x) {
        int h = x.shape().dim(1);
        int w = x.shape().dim(2);
        int c = x.shape().dim(3);
        if (h % 2 != 0 || w % 2 != 0) {
            // The pad layer works on the last two dims, so pad H and W while the map is channels-first.
            x = net.layer("permute", "to_nchw").attr("dims", 0, 3, 1, 2).apply(x);
            x = net.layer("pad", "pad").attr("pads", 0, 0, h % 2, w % 2).apply(x);
            x = net.layer("permute", "to_nhwc").attr("dims", 0, 2, 3, 1).apply(x);
            h += h % 2;
            w += w % 2;
        }
        Value x0 = gather(net, "x0", x, 0, 0, h, w);
        Value x1 = gather(net, "x1", x, 1, 0, h, w);
        Value x2 = gather(net, "x2", x, 0, 1, h, w);
        Value x3 = gather(net, "x3", x, 1, 1, h, w);
        x = net.layer("concat", "cat").attr("axis", -1).apply(x0, x1, x2, x3);
        x = net.layerNorm("norm", x, SwinBlock.LN_EPS, 4 * c);
        return net.linear("reduction", x, 2 * c, false);
    }

    /** x[:, row0::2, col0::2, :]. */
    private static Value gather(Net net, String name, Value x, int row0, int col0, int h, int w) {
        Value rows = net.layer("slice", name + "_rows").attr("axis", 1).attr("start", row0).attr("end", h)
                .attr("step", 2).apply(x);
        return net.layer("slice", name).attr("axis", 2).attr("start", col0).attr("end", w).attr("step", 2)
                .apply(rows);
    }
}
