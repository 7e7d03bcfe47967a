package dev.strix.models.senet;

import java.util.Arrays;

/**
 * One row of the SE-ResNet table.
 *
 * @param layers bottleneck blocks per stage ({@code [3, 4, 6, 3]} for 50 layers)
 * @param groups cardinality of the 3×3 convolution (1 for SE-ResNet, 32 for SE-ResNeXt 32×4d)
 * @param baseWidth width per group at the first stage (64 for SE-ResNet, 4 for SE-ResNeXt 32×4d)
 */
public record SeResNetConfig(int[] layers, int groups, int baseWidth) {
    public SeResNetConfig {
        layers = layers.clone();
    }

    public int stages() {
        return layers.length;
    }

    public int blocks(int stage) {
        return layers[stage];
    }

    @Override
    public String toString() {
        return "SeResNetConfig" + Arrays.toString(layers) + " " + groups + "x" + baseWidth + "d";
    }
}
