package dev.strix.models.swin;

import java.util.List;

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
public record SwinConfig(int embedDim, List<Integer> depths, List<Integer> heads, int windowSize,
        double stochasticDepth) {
    public SwinConfig {
        depths = List.copyOf(depths);
        heads = List.copyOf(heads);
        if (depths.size() != heads.size()) {
            throw new IllegalArgumentException("depths " + depths + " and heads " + heads + " differ in length");
        }
    }

    public int stages() {
        return depths.size();
    }

    public int totalBlocks() {
        return depths.stream().mapToInt(Integer::intValue).sum();
    }
}
