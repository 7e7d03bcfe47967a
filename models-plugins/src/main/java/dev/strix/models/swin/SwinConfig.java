package dev.strix.models.swin;

import java.util.Arrays;

/**
 * One row of the Swin table.
 *
 * @param embedDim channels after the patch embedding; stage i has {@code embedDim · 2^i}
 * @param depths blocks per stage
 * @param heads attention heads per stage
 * @param windowSize side of the square attention window
 * @param stochasticDepth torchvision's {@code stochastic_depth_prob}, spread linearly over the blocks (inference
 *     ignores it; it is recorded so the graph reads like the reference)
 */
public record SwinConfig(int embedDim, int[] depths, int[] heads, int windowSize, double stochasticDepth) {
    public SwinConfig {
        if (depths.length != heads.length) {
            throw new IllegalArgumentException("depths " + Arrays.toString(depths) + " and heads "
                    + Arrays.toString(heads) + " differ in length");
        }
        depths = depths.clone();
        heads = heads.clone();
    }

    /** Number of stages. */
    public int stages() {
        return depths.length;
    }

    public int depth(int stage) {
        return depths[stage];
    }

    public int heads(int stage) {
        return heads[stage];
    }

    /** All blocks over all stages. */
    public int totalBlocks() {
        return Arrays.stream(depths).sum();
    }
}
