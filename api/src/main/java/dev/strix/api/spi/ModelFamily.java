package dev.strix.api.spi;

import dev.strix.api.graph.Graph;
import java.util.List;

/**
 * A family of architectures (ResNet, ViT …) with named variants ({@code resnet50}). Parameter names of the built
 * graphs equal the reference implementation's state_dict keys, so PyTorch weights load one to one.
 */
public interface ModelFamily {

    /** Family name, such as {@code resnet}. */
    String name();

    /** One line for {@code strix models}. */
    String description();

    /** Variant names; unique across all families (they are what users type). */
    List<String> variants();

    /**
     * Builds {@code variant} with {@code options}. Fails with {@link dev.strix.api.UnknownNameException} for an
     * unknown variant and {@link dev.strix.api.ShapeException} naming the node where a too-small input collapsed.
     */
    Graph build(String variant, ModelOptions options, LayerTypes layers);
}
