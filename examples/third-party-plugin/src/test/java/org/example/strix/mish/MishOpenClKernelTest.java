package org.example.strix.mish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import org.junit.jupiter.api.Test;

/** The plugin's OpenCL kernel for mish, found through the registry and run on the device, not on the host. */
class MishOpenClKernelTest {
    private final Registry registry = Strix.registry();
    private final OpenClBackend backend = (OpenClBackend) registry.backend(OpenClBackend.NAME);

    @Test
    void theBackendUsesThePluginKernel() {
        assertThat(backend.kernels().get("mish")).isInstanceOf(MishOpenClKernel.class);
    }

    @Test
    void mishRunsOnTheDeviceAndMatchesTheReferenceForward() {
        GraphBuilder b = new GraphBuilder(registry);
        Shape shape = Shape.of(2, 3, 5, 7);
        Graph g = b.build(b.layer("mish", "mish").apply(b.input("x", shape)));
        float[] values = Tensors.random(shape, 3).data().clone();
        values[0] = 25f;
        values[1] = -30f;
        values[2] = 0f;
        for (int i = 3; i < values.length; i++) {
            values[i] *= 8;
        }
        Tensor x = Tensor.of(shape, values);
        try (OpenClSession s = backend.compileOpenCl(g, Weights.empty(), SessionOptions.defaults())) {
            assertThat(s.steps().get(0).mode()).isEqualTo("kernel");
            Tensor y = s.run(x);
            for (int i = 0; i < values.length; i++) {
                double expected = MishLayer.mish(values[i]);
                assertThat((double) y.data()[i]).as("mish(" + values[i] + ")")
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void mishnetTinyMatchesTheReferenceBackend() {
        Graph g = registry.model("mishnet_tiny", ModelOptions.defaults().withBatch(2));
        Weights w = Initializers.initialize(g, 5);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 6);
        Tensor expected;
        try (Session s = registry.backend("reference").compile(g, w, SessionOptions.defaults())) {
            expected = s.run(x);
        }
        try (Session s = backend.compile(g, w, SessionOptions.defaults())) {
            assertThat(Tensors.relativeL2(s.run(x), expected)).isLessThan(1e-5);
        }
    }
}
