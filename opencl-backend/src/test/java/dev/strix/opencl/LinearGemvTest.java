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
 * Linear layers at one to four rows (a classifier at small batch) on both devices, against the reference backend:
 * PoCL's vector kernel (16 columns per work-item, here two full blocks and a tail of 8) and llvmpipe's
 * column-per-work-item kernel, with and without a bias, with a fused residual add and activation.
 */
class LinearGemvTest {
    @ParameterizedTest(name = "{0} rows, bias {1}, {2}")
    @CsvSource({
        "1, true, " + PoclBackendTest.DEVICE,
        "2, false, " + PoclBackendTest.DEVICE,
        "3, true, " + PoclBackendTest.DEVICE,
        "4, true, " + PoclBackendTest.DEVICE,
        "1, true, llvmpipe",
        "4, false, llvmpipe",
    })
    void matchesTheReference(int rows, boolean bias, String device) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(rows, 37));
        Value r = b.input("r", Shape.of(rows, 40));
        Value y = b.layer("linear", "fc").attr("out_features", 40).attr("bias", bias).apply(x);
        y = b.layer("add", "skip").apply(y, r);
        y = b.layer("relu", "act").apply(y);
        Graph g = b.build(y);
        Weights weights = Initializers.initialize(g, 21);
        Tensor xs = Tensors.random(Shape.of(rows, 37), 22);
        Tensor rs = Tensors.random(Shape.of(rows, 40), 23);
        Tensor expected;
        try (Session ref = new ReferenceBackend().compile(g, weights, SessionOptions.defaults())) {
            expected = ref.run(java.util.List.of(xs, rs)).get(0);
        }
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        try (Session s = backend.compile(g, weights, SessionOptions.defaults().withDevice(device))) {
            assertThat(Tensors.relativeL2(s.run(java.util.List.of(xs, rs)).get(0), expected)).isLessThan(1e-5);
        }
    }
}
