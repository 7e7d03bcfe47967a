package dev.strix.detection.fcn;

import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Weights;

/**
 * A classifier converted to a fully convolutional network for one input size.
 *
 * @param graph the converted graph, input [1, C, H, W], output [1, K, rows, cols]
 * @param weights the converted weights (linear weights reshaped into convolution kernels, the rest shared)
 * @param geometry how output cells map to windows of the input
 */
public record FcnModel(Graph graph, Weights weights, FcnGeometry geometry) {
    public int rows() {
        return graph.outputs().get(0).shape().dim(2);
    }

    public int cols() {
        return graph.outputs().get(0).shape().dim(3);
    }
}
