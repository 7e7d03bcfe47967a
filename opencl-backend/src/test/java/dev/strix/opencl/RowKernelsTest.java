package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.session.OpenClBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-per-work-item kernels PoCL runs (softmax_rows, layer_norm_rows) at row lengths below, at and above one
 * float16 vector, with a tail, against the reference backend. Logits are scaled up so the maximum matters.
 */
class RowKernelsTest {
    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"softmax, 5", "softmax, 16", "softmax, 37", "log_softmax, 37", "layer_norm, 16", "layer_norm, 37"})
    void matchesTheReference(String type, int d) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(3, 4, d));
        var layer = b.layer(type, "op");
        if (type.equals("layer_norm")) {
            layer.attr("normalized_shape", d);
        }
        Graph g = b.build(layer.apply(x));
        Weights weights = Initializers.initialize(g, 31);
        float[] data = Tensors.random(Shape.of(3, 4, d), 32).data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] *= 20;
        }
        Tensor input = Tensor.of(Shape.of(3, 4, d), data);
        Tensor expected;
        try (Session ref = new ReferenceBackend().compile(g, weights, SessionOptions.defaults())) {
            expected = ref.run(input);
        }
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        try (Session s = backend.compile(g, weights, SessionOptions.defaults().withDevice(PoclBackendTest.DEVICE))) {
            assertThat(Tensors.relativeL2(s.run(input), expected)).isLessThan(1e-5);
        }
    }
}
