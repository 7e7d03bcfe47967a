package dev.strix.models.convnext;

import java.util.Arrays;

/**
 * One row of the ConvNeXt table (the paper's section 3 settings, as torchvision's {@code CNBlockConfig} list).
 *
 * @param dims channels of each stage
 * @param depths blocks per stage
 * @param stochasticDepth torchvision's {@code stochastic_depth_prob}, spread linearly over the blocks (an identity
 *     at inference, recorded so the graph reads like the reference)
 */
public record ConvNextConfig(int[] dims, int[] depths, double stochasticDepth) {
    public ConvNextConfig {
        if (dims.length != depths.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " and depths "
                    + Arrays.toString(depths) + " differ in length");
        }
        dims = dims.clone();
        depths = depths.clone();
    }

    public int stages() {
        return dims.length;
    }

    public int dim(int stage) {
        return dims[stage];
    }

    public int depth(int stage) {
        return depths[stage];
    }

    public int totalBlocks() {
        return Arrays.stream(depths).sum();
    }
}
