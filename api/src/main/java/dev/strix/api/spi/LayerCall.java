package dev.strix.api.spi;

import dev.strix.api.Attributes;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import java.util.List;
import java.util.Map;

/**
 * Everything a reference forward sees: the node, its inputs, its parameters by local name, its attributes and the
 * output shapes inferred when the graph was built.
 */
public record LayerCall(
        String node,
        List<Tensor> inputs,
        Map<String, Tensor> params,
        Map<String, IntTensor> indexParams,
        Attributes attributes,
        List<Shape> outputShapes) {

    public Tensor input(int i) {
        return inputs.get(i);
    }

    /** The float parameter with this local name; fails naming the node if it is absent. */
    public Tensor param(String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new WeightsException("node '" + node + "' has no parameter '" + name + "'; it has " + params.keySet());
        }
        return t;
    }

    /** The float parameter with this local name, or null (e.g. an optional bias). */
    public Tensor optionalParam(String name) {
        return params.get(name);
    }

    public IntTensor indexParam(String name) {
        IntTensor t = indexParams.get(name);
        if (t == null) {
            throw new WeightsException("node '" + node + "' has no index buffer '" + name + "'");
        }
        return t;
    }

    /** A fresh zero tensor of output {@code i}'s shape. */
    public Tensor newOutput(int i) {
        return Tensor.zeros(outputShapes.get(i));
    }
}
