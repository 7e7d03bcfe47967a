package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Reference;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 3×3 stride-1 convolutions through Winograd F(2×2, 3×3), forced on every device, against the reference: odd and
 * even output sizes (ragged last tiles, the four-tile vector paths of both transforms), symmetric, asymmetric and no
 * padding, batches, with and without bias, and a fused residual add with ReLU.
 */
class WinogradConvTest {
    /** n, c, o, h, w, padding (top, left, bottom, right), bias, residual + relu. */
    static Stream<Arguments> cases() {
        int[][] shapes = {
            {2, 16, 24, 9, 11, 1, 1, 1, 1, 1, 0},
            {1, 32, 32, 14, 14, 1, 1, 1, 1, 0, 1},
            {1, 16, 16, 20, 23, 0, 0, 0, 0, 1, 0},
            {3, 17, 19, 8, 30, 0, 1, 2, 1, 1, 0},
            {2, 24, 24, 18, 18, 1, 1, 1, 1, 1, 1},
            {1, 16, 40, 3, 5, 1, 1, 1, 1, 1, 0},
        };
        List<Arguments> all = new ArrayList<>();
        for (ClDevice d : Devices.all()) {
            for (int[] s : shapes) {
                all.add(Arguments.of(Named.of(d.label(), d), s));
            }
        }
        return all.stream();
    }

    static Graph conv(int[] s) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(s[0], s[1], s[3], s[4]));
        Value y = b.layer("conv2d", "conv").attr("out_channels", s[2]).attr("kernel_size", 3)
                .attr("padding", new int[] {s[5], s[6], s[7], s[8]}).attr("bias", s[9] == 1).apply(x);
        if (s[10] == 1) {
            y = b.layer("relu", "act").apply(b.layer("add", "skip").apply(y, x));
        }
        return b.build(y);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReference(ClDevice device, int[] s) {
        Graph g = conv(s);
        Weights w = Initializers.initialize(g, 5);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 8);
        Tensor expected = Reference.run(g, w, x);
        SessionOptions o = SessionOptions.defaults().withDevice(String.valueOf(device.index()))
                .with("opencl.tune.WINOGRAD", "1").with("opencl.profile", "true");
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        try (OpenClSession session = backend.compileOpenCl(g, w, o)) {
            assertThat(Tensors.relativeL2(session.run(x), expected)).as("%s on %s", java.util.Arrays.toString(s),
                    device.label()).isLessThan(1e-5);
            assertThat(session.profile().orElseThrow().msPerKernel()).containsKeys("conv/winograd:winograd_input",
                    "conv/winograd:winograd_output");
        }
    }

    @Test
    void poclTakesWinogradByDefaultButNotForThinLayers() {
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        SessionOptions o = SessionOptions.defaults().withDevice(PoclBackendTest.DEVICE).with("opencl.profile", "true");
        int[] wide = {1, 16, 16, 8, 8, 1, 1, 1, 1, 1, 0};
        int[] thin = {1, 8, 16, 8, 8, 1, 1, 1, 1, 1, 0};
        for (int[] s : new int[][] {wide, thin}) {
            Graph g = conv(s);
            try (OpenClSession session = backend.compileOpenCl(g, Initializers.initialize(g, 1), o)) {
                session.run(Tensors.random(g.inputs().get(0).shape(), 2));
                assertThat(session.profile().orElseThrow().msPerKernel().containsKey("conv/winograd:winograd_input"))
                        .as("%d input channels", s[1]).isEqualTo(s[1] >= 16);
            }
        }
    }
}
