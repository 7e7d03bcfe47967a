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
            for (int tile : new int[] {2, 4}) {
                for (int[] s : shapes) {
                    all.add(Arguments.of(Named.of(d.label(), d), tile, s));
                }
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
    void matchesTheReference(ClDevice device, int tile, int[] s) {
        Graph g = conv(s);
        Weights w = Initializers.initialize(g, 5);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 8);
        Tensor expected = Reference.run(g, w, x);
        SessionOptions o = SessionOptions.defaults().withDevice(String.valueOf(device.index()))
                .with("opencl.tune.WINOGRAD", "1").with("opencl.tune.WINOGRAD_TILE", String.valueOf(tile))
                .with("opencl.profile", "true");
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        try (OpenClSession session = backend.compileOpenCl(g, w, o)) {
            assertThat(Tensors.relativeL2(session.run(x), expected)).as("F(%dx%d) %s on %s", tile, tile,
                    java.util.Arrays.toString(s), device.label()).isLessThan(1e-5);
            String name = tile == 4 ? "winograd4" : "winograd";
            assertThat(session.profile().orElseThrow().msPerKernel()).containsKeys(
                    "conv/winograd:" + name + "_input", "conv/winograd:" + name + "_output");
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
                boolean winograd = session.profile().orElseThrow().msPerKernel().keySet().stream()
                        .anyMatch(k -> k.startsWith("conv/winograd"));
                assertThat(winograd).as("%d input channels", s[1]).isEqualTo(s[1] >= 16);
            }
        }
    }

    @Test
    void poclTakesFourByFourTilesWhereTheLayerHasSixteen() {
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        SessionOptions o = SessionOptions.defaults().withDevice(PoclBackendTest.DEVICE).with("opencl.profile", "true");
        // 16×16 outputs: 16 tiles of 4×4; 7×7 outputs: 4 tiles at batch 1, 16 at batch 4.
        int[][] shapes = {{1, 16, 16, 16, 16}, {1, 16, 16, 7, 7}, {4, 16, 16, 7, 7}};
        boolean[] four = {true, false, true};
        for (int i = 0; i < shapes.length; i++) {
            int[] s = shapes[i];
            Graph g = conv(new int[] {s[0], s[1], s[2], s[3], s[4], 1, 1, 1, 1, 1, 0});
            try (OpenClSession session = backend.compileOpenCl(g, Initializers.initialize(g, 1), o)) {
                session.run(Tensors.random(g.inputs().get(0).shape(), 2));
                assertThat(session.profile().orElseThrow().msPerKernel())
                        .as(java.util.Arrays.toString(s)).containsKey(four[i] ? "conv/winograd:winograd4_input"
                                : "conv/winograd:winograd_input");
            }
        }
    }
}
