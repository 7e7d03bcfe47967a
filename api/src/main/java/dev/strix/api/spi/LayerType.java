package dev.strix.api.spi;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import java.util.List;

/**
 * One operation: its shape inference, its parameters in PyTorch layout, its multiply-accumulate count and a plain
 * Java reference forward that every backend is tested against.
 *
 * <p>A <em>composite</em> layer ({@link #isComposite()}) instead says how it expands into other nodes
 * ({@link #expand}); backends run the expansion unless they supply a fused kernel for the whole. Implementations
 * are stateless and thread-safe.
 */
public interface LayerType {

    /** The registry name, such as {@code conv2d}. */
    String name();

    /** One line for {@code strix layers}. */
    String description();

    /**
     * Output shapes for these input shapes and attributes. Throws {@link dev.strix.api.ShapeException} with a
     * message naming the attribute or input and the value; the graph builder adds the node and layer name.
     */
    List<Shape> inferShapes(List<Shape> inputs, Attributes attributes);

    /** Parameters and buffers this node owns, by local name. */
    default List<ParamSpec> parameters(List<Shape> inputs, Attributes attributes) {
        return List.of();
    }

    /** Multiply-accumulates of one forward pass (convolutions, linears, matmuls); 0 for element-wise layers. */
    default long macs(List<Shape> inputs, List<Shape> outputs, Attributes attributes) {
        return 0;
    }

    /** The reference forward: short and obviously right. Not called for composite layers. */
    default List<Tensor> forward(LayerCall call) {
        throw new UnsupportedOperationException("layer type '" + name() + "' is composite; run its expansion");
    }

    /** Whether this layer is defined by {@link #expand} rather than by a forward of its own. */
    default boolean isComposite() {
        return false;
    }

    /**
     * Adds the primitive nodes this composite stands for to {@code scope}, a builder whose node names and parameter
     * paths are already prefixed with this node's, and returns the values that replace this node's outputs.
     */
    default List<Value> expand(GraphBuilder scope, List<Value> inputs, Attributes attributes) {
        throw new UnsupportedOperationException("layer type '" + name() + "' is not composite");
    }

    /** Configurations covering this layer's options, for the backend test kit. */
    default List<LayerExample> examples() {
        return List.of();
    }
}
