package dev.strix.opencl.session;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.OpenClKernel;
import java.util.List;
import java.util.Map;

/**
 * One step of a compiled session: a node (the producer of a fused group), the kernel that computes it (null: the
 * host runs its reference forward), its parameters after folding, the fused epilogue and the nodes it absorbed.
 *
 * @param node the node whose kernel runs
 * @param kernel its OpenCL kernel, or null for the host fallback
 * @param params float parameters by local name, after folding (batch norm into a convolution)
 * @param indexParams integer buffers by local name
 * @param epilogue what runs after the bias: residual add, activation
 * @param residual the residual operand when {@code epilogue.residual()}, else null
 * @param inputs the values read (the node's own inputs)
 * @param outputs the values written: the outputs of the group's last node
 * @param absorbed names of the nodes fused into this one, in order
 * @param view true when the node only reinterprets its input (reshape, flatten, identity, dropout …): no kernel,
 *     its output shares the input's memory
 */
public record PlannedNode(Node node, OpenClKernel kernel, Map<String, Tensor> params,
        Map<String, IntTensor> indexParams, Epilogue epilogue, Value residual, List<Value> inputs,
        List<Value> outputs, List<String> absorbed, boolean view) {

    public PlannedNode {
        params = Map.copyOf(params);
        indexParams = Map.copyOf(indexParams);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        absorbed = List.copyOf(absorbed);
    }

    /** How this step runs, in words: "kernel", "view" or "host". */
    public String mode() {
        return view ? "view" : kernel == null ? "host" : "kernel";
    }

    /** The layer types of the group, e.g. "conv2d+batch_norm+add+relu". */
    public String description(Map<String, Node> byName) {
        StringBuilder b = new StringBuilder(node.type().name());
        for (String a : absorbed) {
            b.append('+').append(byName.get(a).type().name());
        }
        return b.toString();
    }
}
