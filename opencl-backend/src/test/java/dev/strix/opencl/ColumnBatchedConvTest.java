package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Reference;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.session.OpenClSession;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutions at batch > 1 with small planes, which PoCL's block GEMM computes as one product over every image's
 * columns (a 16-column block then spans two images: its stores split), against the reference on every device: a
 * 1×1 convolution on 7×7 planes with a residual and ReLU (its input gathered), a 1×1 stride-2 downsample, a 3×3
 * stride-2 convolution, and a thin 3×3 convolution on 5×5 planes; output channels not a multiple of 16.
 */
class ColumnBatchedConvTest {
    /** n, c, o, h, w, kernel, stride, padding, bias, residual + relu. */
    static final List<int[]> CASES = List.of(
            new int[] {3, 24, 40, 7, 7, 1, 1, 0, 1, 1},
            new int[] {2, 16, 36, 13, 13, 1, 2, 0, 0, 0},
            new int[] {4, 8, 20, 14, 14, 3, 2, 1, 1, 0},
            new int[] {2, 8, 16, 5, 5, 3, 1, 1, 1, 1});

    static Stream<Arguments> cases() {
        return Devices.crossed(CASES);
    }

    static Graph conv(int[] s) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(s[0], s[1], s[3], s[4]));
        Value y = b.layer("conv2d", "conv").attr("out_channels", s[2]).attr("kernel_size", s[5])
                .attr("stride", s[6]).attr("padding", s[7]).attr("bias", s[8] == 1).apply(x);
        if (s[9] == 1) {
            Value skip = b.layer("conv2d", "skip").attr("out_channels", s[2]).attr("kernel_size", 1)
                    .attr("stride", s[6]).apply(x);
            y = b.layer("relu", "act").apply(b.layer("add", "add").apply(y, skip));
        }
        return b.build(y);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReference(ClDevice device, int[] s) {
        Graph g = conv(s);
        Weights w = Initializers.initialize(g, 6);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 9);
        Tensor expected = Reference.run(g, w, x);
        try (OpenClSession session = Devices.backend().compileOpenCl(g, w,
                SessionOptions.defaults().withDevice(String.valueOf(device.index())))) {
            assertThat(Tensors.relativeL2(session.run(x), expected)).as("%s on %s", Arrays.toString(s),
                    device.label()).isLessThan(1e-5);
        }
    }

    @Test
    void poclGathersTheInputOfAOneByOneConvolutionOnSmallPlanes() {
        ClDevice pocl = Devices.all().stream().filter(d -> d.label().contains(PoclBackendTest.DEVICE)).findFirst()
                .orElseThrow();
        for (int batch : new int[] {1, 2}) {
            Graph g = conv(new int[] {batch, 24, 40, 7, 7, 1, 1, 0, 1, 0});
            try (OpenClSession session = Devices.backend().compileOpenCl(g, Initializers.initialize(g, 1),
                    SessionOptions.defaults().withDevice(String.valueOf(pocl.index())).with("opencl.profile",
                            "true"))) {
                session.run(Tensors.random(g.inputs().get(0).shape(), 2));
                assertThat(session.profile().orElseThrow().msPerKernel().containsKey("conv/im2col:im2col_rows"))
                        .as("batch %d", batch).isEqualTo(batch > 1);
            }
        }
    }
}
