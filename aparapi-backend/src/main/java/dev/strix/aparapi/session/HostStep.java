package dev.strix.aparapi.session;

import dev.strix.api.IntTensor;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Node;
import dev.strix.api.spi.LayerCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a node whose layer type has no Aparapi kernel through its reference forward on the host, so every graph runs;
 * logged once per layer type and process.
 */
final class HostStep implements Runnable {
    private static final System.Logger LOG = System.getLogger(HostStep.class.getName());
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final Node node;
    private final float[][] inputs;
    private final float[][] outputs;
    private final Map<String, Tensor> params;
    private final Map<String, IntTensor> indexParams;

    HostStep(Node node, float[][] inputs, float[][] outputs, Map<String, Tensor> params,
            Map<String, IntTensor> indexParams) {
        this.node = node;
        this.inputs = inputs;
        this.outputs = outputs;
        this.params = params;
        this.indexParams = indexParams;
        if (REPORTED.add(node.type().name())) {
            LOG.log(System.Logger.Level.INFO, "aparapi: no kernel for layer type '" + node.type().name()
                    + "'; its nodes (first: '" + node.name() + "') run the reference forward on the host");
        }
    }

    Node node() {
        return node;
    }

    private long lastNanos;

    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        List<Tensor> ins = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            ins.add(Tensor.of(node.inputs().get(i).shape(), inputs[i]));
        }
        LayerCall call = new LayerCall(node.name(), ins, params, indexParams, node.attributes(), node.outputShapes());
        List<Tensor> outs;
        try {
            outs = node.type().forward(call);
        } catch (StrixException e) {
            throw new StrixException("node '" + node.name() + "' (" + node.type().name() + "): " + e.getMessage(), e);
        }
        for (int i = 0; i < outputs.length; i++) {
            System.arraycopy(outs.get(i).data(), 0, outputs[i], 0, outputs[i].length);
        }
        lastNanos = System.nanoTime() - start;
    }
}
