package dev.strix.models.nasnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * NASNet-A's normal cell (the paper's Figure 4, left; Cadene's {@code NormalCell} and {@code FirstCell}, which
 * differ only in how {@code left} was made): five combinations of the two projected inputs, each the sum of two
 * operations, concatenated after {@code left} itself, so the cell outputs 6× its width.
 */
final class NormalCell {
    private NormalCell() {}

    /**
     * Adds the combinations in {@code net}'s scope ({@code cell_7}).
     *
     * @param left the previous-previous input, projected to the cell's width
     * @param right the previous input, projected to the cell's width
     */
    static Value apply(Net net, Value left, Value right) {
        int f = right.shape().dim(1);
        Value c0 = net.add("comb_iter_0", branch(net, "comb_iter_0_left", right, f, 5),
                branch(net, "comb_iter_0_right", left, f, 3));
        Value c1 = net.add("comb_iter_1", branch(net, "comb_iter_1_left", left, f, 5),
                branch(net, "comb_iter_1_right", left, f, 3));
        Value c2 = net.add("comb_iter_2", average(net, "comb_iter_2_left", right), left);
        Value c3 = net.add("comb_iter_3", average(net, "comb_iter_3_left", left),
                average(net, "comb_iter_3_right", left));
        Value c4 = net.add("comb_iter_4", branch(net, "comb_iter_4_left", right, f, 3), right);
        return net.concat("cat", left, c0, c1, c2, c3, c4);
    }

    private static Value branch(Net net, String name, Value x, int out, int kernel) {
        return new SeparableBranch(out, kernel, 1, false, false).apply(net.scope(name), x);
    }

    /** A 3×3 stride-1 average pool that divides by the unpadded window. */
    private static Value average(Net net, String name, Value x) {
        return net.avgPool(name, 3).stride(1).padding(1).excludePadding().apply(x);
    }
}
