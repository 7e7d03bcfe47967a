package dev.strix.models.convnext;

import java.util.List;

/**
 * One row of the ConvNeXt table (the paper's section 3 settings, as torchvision's {@code CNBlockConfig} list).
 *
 * @param dims channels of each stage
 * @param depths blocks per stage
 * @param stochasticDepth torchvision's {@code stochastic_depth_prob}, spread linearly over the blocks (an identity
 *     at inference, recorded so the graph reads like the reference)
 */
public record ConvNextConfig(List<Integer> dims, List<Integer> depths, double stochasticDepth) {
    public ConvNextConfig {
        dims = List.copyOf(dims);
        depths = List.copyOf(depths);
        if (dims.size() != depths.size()) {
            throw new IllegalArgumentException("dims " + dims + " and depths " + depths + " differ in length");
        }
    }

    public int stages() {
        return dims.size();
    }

    public int totalBlocks() {
        return depths.stream().mapToInt(Integer::intValue).sum();
    }
}
