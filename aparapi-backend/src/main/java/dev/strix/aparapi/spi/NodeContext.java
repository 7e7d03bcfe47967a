package dev.strix.aparapi.spi;

import com.aparapi.Kernel;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.api.Attributes;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Node;
import java.util.Map;

/**
 * What an {@link AparapiKernel} sees while it plans one node: the node, its input and output arrays (fixed for the
 * life of the session, so Aparapi never re-allocates device buffers), its parameters, and a way to add launches
 * and scratch arrays.
 */
public final class NodeContext {
    private final Node node;
    private final float[][] inputs;
    private final float[][] outputs;
    private final Map<String, Tensor> params;
    private final Map<String, IntTensor> indexParams;
    private final Sink sink;
    private final Mode mode;
    private Launch last;

    /** Where the launches of a node go; the session implements it. */
    public interface Sink {
        void add(Launch launch);
    }

    public NodeContext(Node node, float[][] inputs, float[][] outputs, Map<String, Tensor> params,
            Map<String, IntTensor> indexParams, Mode mode, Sink sink) {
        this.mode = mode;
        this.node = node;
        this.inputs = inputs;
        this.outputs = outputs;
        this.params = params;
        this.indexParams = indexParams;
        this.sink = sink;
    }

    /**
     * Where the session means to run the launches: a kernel may pick the variant that is fastest there (a launch
     * that later falls back to the thread pool still computes the same values).
     */
    public Mode mode() {
        return mode;
    }

    public Node node() {
        return node;
    }

    public String name() {
        return node.name();
    }

    public Attributes attributes() {
        return node.attributes();
    }

    public int inputCount() {
        return inputs.length;
    }

    public Shape inputShape(int i) {
        return node.inputs().get(i).shape();
    }

    public Shape outputShape(int i) {
        return node.outputShapes().get(i);
    }

    /** The array holding input {@code i}; read it only from kernels (its contents change every run). */
    public float[] input(int i) {
        return inputs[i];
    }

    /** The array a kernel must fill with output {@code i}. */
    public float[] output(int i) {
        return outputs[i];
    }

    /** The parameter {@code name} (local name) as bound from the weights; fails naming the node when absent. */
    public Tensor param(String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new WeightsException("node '" + node.name() + "' has no parameter '" + name + "'; it has "
                    + params.keySet());
        }
        return t;
    }

    /** The parameter {@code name}, or null (an optional bias). */
    public Tensor optionalParam(String name) {
        return params.get(name);
    }

    /** The integer buffer {@code name} (Swin's relative_position_index); fails naming the node when absent. */
    public IntTensor indexParam(String name) {
        IntTensor t = indexParams.get(name);
        if (t == null) {
            throw new WeightsException("node '" + node.name() + "' has no index buffer '" + name + "'; it has "
                    + indexParams.keySet());
        }
        return t;
    }

    /** Adds a launch of {@code kernel} over {@code items} work items; declare its arrays on the result. */
    public Launch launch(Kernel kernel, int items) {
        Launch l = new Launch(node.name(), kernel, items);
        sink.add(l);
        last = l;
        return l;
    }

    /** The launch added last, to declare more of its arrays. */
    public Launch lastLaunch() {
        return last;
    }
}
