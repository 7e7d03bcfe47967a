package dev.strix.aparapi.session;

import dev.strix.aparapi.device.Target;
import dev.strix.aparapi.runtime.Launch;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.BoundWeights;
import dev.strix.api.weights.WeightBinder;
import dev.strix.api.weights.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a graph for Aparapi: lowers composites it has no fused kernel for, binds the weights, gives every value
 * a Java array (views share their input's), asks each node's {@link AparapiKernel} for its launches (or plans a
 * host step), then pins every launch to the target — building the OpenCL for each kernel now, so a device that
 * rejects one fails at compile time rather than mid-run.
 */
public final class SessionBuilder {
    private final Map<String, AparapiKernel> kernels;

    /** A builder using {@code kernels} by layer type. */
    public SessionBuilder(Map<String, AparapiKernel> kernels) {
        this.kernels = Map.copyOf(kernels);
    }

    public AparapiSession build(Graph graph, Weights weights, Target target, ModeRequest request) {
        Graph g = graph.lowered(n -> {
            AparapiKernel k = kernels.get(n.type().name());
            return k != null && k.fusesComposite();
        });
        BoundWeights bound = WeightBinder.bind(g, weights);
        Map<String, float[][]> arrays = new HashMap<>();
        List<float[]> inputs = new ArrayList<>();
        for (GraphInput in : g.inputs()) {
            float[] a = new float[in.shape().elementCount()];
            inputs.add(a);
            arrays.put(in.name(), new float[][] {a});
        }
        List<Runnable> steps = new ArrayList<>();
        List<Launch> launches = new ArrayList<>();
        try {
            for (Node n : g.nodes()) {
                float[][] ins = n.inputs().stream().map(v -> arrays.get(v.producer())[v.output()])
                        .toArray(float[][]::new);
                AparapiKernel k = kernels.get(n.type().name());
                float[][] outs;
                if (k != null && k.isView()) {
                    outs = new float[][] {ins[0]};
                } else {
                    outs = n.outputShapes().stream().map(s -> new float[s.elementCount()]).toArray(float[][]::new);
                    if (k == null) {
                        steps.add(new HostStep(n, ins, outs, bound.floatParams(n), bound.indexParams(n)));
                    } else {
                        k.build(new NodeContext(n, ins, outs, bound.floatParams(n), bound.indexParams(n), l -> {
                            launches.add(l);
                            steps.add(l);
                        }));
                    }
                }
                arrays.put(n.name(), outs);
            }
            for (Launch l : launches) {
                l.prepare(target, request);
            }
        } catch (RuntimeException e) {
            launches.forEach(Launch::close);
            throw e;
        }
        List<float[]> outputs = new ArrayList<>();
        for (Value v : g.outputs()) {
            outputs.add(arrays.get(v.producer())[v.output()]);
        }
        return new AparapiSession(g, target, request, inputs, outputs, steps);
    }
}
