package dev.strix.aparapi.layers;

import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import java.util.function.Consumer;

/**
 * A built-in {@link AparapiKernel}: the layer type it computes and the code that plans a node's launches.
 *
 * @param layerType the layer type
 * @param planner adds the launches of one node
 * @param isView whether the output is the input unchanged (no launch)
 */
record Builtin(String layerType, Consumer<NodeContext> planner, boolean isView) implements AparapiKernel {

    static Builtin of(String layerType, Consumer<NodeContext> planner) {
        return new Builtin(layerType, planner, false);
    }

    static Builtin view(String layerType) {
        return new Builtin(layerType, node -> {}, true);
    }

    @Override
    public void build(NodeContext node) {
        planner.accept(node);
    }
}
