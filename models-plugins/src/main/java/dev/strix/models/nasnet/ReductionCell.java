package dev.strix.models.nasnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;

/**
 * NASNet-A's reduction cell (the paper's Figure 4, right; Cadene's {@code CellStem0}, {@code CellStem1},
 * {@code ReductionCell0} and {@code ReductionCell1}): four combinations of stride-2 separable branches and pools of
 * the two inputs, concatenated, so the cell halves the map and outputs 4× its width. The {@code *_left}
 * operations read {@code current}, the {@code *_right} ones {@code previous}.
 *
 * @param stem the first stem cell: its {@code *_right} branches widen the raw stem output at once
 *     ({@code BranchSeparablesStem}) and nothing is shifted
 * @param shifted every later reduction: branches and pools use the TensorFlow-style shifted padding of
 *     {@link Shifts} ({@code BranchSeparablesReduction}, {@code name='specific'}, {@code MaxPoolPad},
 *     {@code AvgPoolPad})
 */
record ReductionCell(boolean stem, boolean shifted) {
    static final ReductionCell STEM_0 = new ReductionCell(true, false);
    static final ReductionCell SHIFTED = new ReductionCell(false, true);

    /**
     * Adds the combinations in {@code net}'s scope ({@code reduction_cell_0}).
     *
     * @param current the cell's main input, already projected to {@code width} channels
     * @param previous the other input: projected too, or for the stem cell the raw stem output
     */
    Value apply(Net net, Value current, Value previous, int width) {
        Value c0 = net.add("comb_iter_0", branch(net, "comb_iter_0_left", current, width, 5, 2, false),
                branch(net, "comb_iter_0_right", previous, width, 7, 2, stem));
        Value c1 = net.add("comb_iter_1", pool(net, "comb_iter_1_left", current, true),
                branch(net, "comb_iter_1_right", previous, width, 7, 2, stem));
        Value c2 = net.add("comb_iter_2", pool(net, "comb_iter_2_left", current, false),
                branch(net, "comb_iter_2_right", previous, width, 5, 2, stem));
        Value c3 = net.add("comb_iter_3",
                net.avgPool("comb_iter_3_right", 3).stride(1).padding(1).excludePadding().apply(c0), c1);
        Value c4 = net.add("comb_iter_4", branch(net, "comb_iter_4_left", c0, width, 3, 1, false),
                pool(net, "comb_iter_4_right", current, true));
        return net.concat("cat", c1, c2, c3, c4);
    }

    private Value branch(Net net, String name, Value x, int out, int kernel, int stride, boolean widenFirst) {
        return new SeparableBranch(out, kernel, stride, widenFirst, shifted).apply(net.scope(name), x);
    }

    /** A 3×3 stride-2 max or average pool (the average dividing by the unpadded window). */
    private Value pool(Net net, String name, Value x, boolean max) {
        if (shifted) {
            return Shifts.shiftedPool(net, name, x, max);
        }
        return max ? net.maxPool(name, 3).stride(2).padding(1).apply(x)
                : net.avgPool(name, 3).stride(2).padding(1).excludePadding().apply(x);
    }
}
