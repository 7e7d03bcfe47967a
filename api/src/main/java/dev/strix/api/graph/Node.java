package dev.strix.api.graph;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ParamSpec;
import java.util.List;

/**
 * One operation in a graph: a layer type with attributes, input edges, parameters (whose full names are
 * {@code paramPrefix + "." + localName}) and the output shapes inferred when it was added.
 */
public record Node(
        String name,
        LayerType type,
        Attributes attributes,
        List<Value> inputs,
        String paramPrefix,
        List<ParamSpec> params,
        List<Shape> outputShapes,
        long macs) {

    public Node {
        inputs = List.copyOf(inputs);
        params = List.copyOf(params);
        outputShapes = List.copyOf(outputShapes);
    }

    /** The state_dict key of the local parameter {@code local}. */
    public String paramName(String local) {
        return paramPrefix.isEmpty() ? local : paramPrefix + "." + local;
    }

    public Value output(int i) {
        return new Value(name, i, outputShapes.get(i));
    }

    public List<Shape> inputShapes() {
        return inputs.stream().map(Value::shape).toList();
    }

    /** Number of trainable parameter elements. */
    public long trainableParameterCount() {
        return params.stream().filter(ParamSpec::trainable).mapToLong(p -> p.shape().size()).sum();
    }

    /** Bytes of float32 output activations. */
    public long activationBytes() {
        return outputShapes.stream().mapToLong(s -> s.size() * Float.BYTES).sum();
    }
}
