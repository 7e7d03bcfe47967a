package dev.strix.aparapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.AparapiBackend;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Attributes;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The register tiles at ragged edges: 13 output channels (8 + 5 on OpenCL's 8-channel tiles, 4·3 + 1 on the thread
 * pool's 4-channel ones), 5×7 outputs at stride 2 (35 pixels: 8 blocks of 4 and one of 3 on the thread pool; on
 * OpenCL 5 rows of 8-wide phase planes, 40 positions in 3 blocks of 16) and a linear with 13 rows and 11 outputs,
 * both modes, against the reference backend.
 */
class TileEdgesTest {
    private final AparapiBackend backend = new AparapiBackend();

    private static Graph graph() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(2, 5, 9, 13));
        Value c = b.layer("conv2d", "conv").attrs(Attributes.builder().put("out_channels", 13).put("kernel_size", 3)
                .put("stride", 2).put("padding", 1).build()).apply(x);
        Value p = b.layer("permute", "nhwc").attrs(Attributes.builder().put("dims", 0, 2, 3, 1).build()).apply(c);
        Value y = b.layer("linear", "fc").attrs(Attributes.builder().put("out_features", 11).build()).apply(p);
        return b.build(List.of(y));
    }

    private void check(SessionOptions options, String kernel) {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 8);
        Tensor in = Tensors.random(Shape.of(2, 5, 9, 13), 3);
        try (AparapiSession s = backend.compile(g, w, options);
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            assertThat(Tensors.relativeL2(s.run(in), ref.run(in))).isLessThan(1e-5);
            assertThat(s.kernels()).extracting(k -> k.kernel()).contains(kernel);
        }
    }

    @Test
    void openClTilesOfEightChannels() {
        check(SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl"), "PaddedConvKernel");
    }

    @Test
    void threadPoolTilesOfFourChannels() {
        check(SessionOptions.defaults().with(ModeRequest.OPTION, "jtp"), "ConvKernel");
    }
}
