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
import dev.strix.opencl.session.OpenClBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The depthwise kernel's row blocks, with and without a padded copy, against the reference backend: widths that leave partial blocks, windows that
 * reach the padding on both sides, strides, dilations, channel multipliers, and a fused residual add and ReLU6.
 */
class DepthwiseConvTest {
    @ParameterizedTest(name = "k{0} s{1} d{2} mult{3} pad{4} {5}x{6}")
    @CsvSource({
        "3, 1, 1, 1, 1, 17, 33",
        "3, 2, 1, 1, 1, 16, 31",
        "5, 1, 1, 1, 2, 9, 9",
        "5, 2, 1, 2, 2, 12, 23",
        "7, 1, 1, 1, 3, 14, 14",
        "3, 1, 2, 1, 2, 11, 19",
        "3, 1, 1, 1, 0, 6, 3",
        "3, 2, 1, 1, 0, 7, 40",
        "3, 1, 1, 1, 1, 7, 7",
        "3, 2, 1, 1, 1, 14, 14",
        "3, 1, 1, 2, 1, 2, 2",
        "3, 3, 1, 1, 1, 10, 10",
    })
    void matchesTheReference(int k, int stride, int dilation, int multiplier, int pad, int h, int w) {
        int c = 6;
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(2, c, h, w));
        Value y = b.layer("conv2d", "dw").attr("out_channels", c * multiplier).attr("kernel_size", k)
                .attr("stride", stride).attr("dilation", dilation).attr("padding", pad).attr("groups", c).apply(x);
        if (multiplier == 1 && stride == 1 && 2 * pad == dilation * (k - 1)) {
            y = b.layer("add", "skip").apply(y, x);
        }
        y = b.layer("relu6", "act").apply(y);
        Graph g = b.build(y);
        Weights weights = Initializers.initialize(g, 11);
        Tensor input = Tensors.random(g.inputs().get(0).shape(), 12);
        Tensor expected = Reference.run(g, weights, input);
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        // Both code paths: a zero-padded copy without bounds tests (PoCL's tuning), and bounds tests in place
        // (GPUs' and llvmpipe's), one row per work-item.
        for (String[] tune : new String[][] {{"1", "4"}, {"0", "1"}}) {
            SessionOptions options = SessionOptions.defaults().withDevice(PoclBackendTest.DEVICE)
                    .with("opencl.tune.DW_PAD", tune[0]).with("opencl.tune.DW_ROWS", tune[1]);
            try (Session s = backend.compile(g, weights, options)) {
                assertThat(Tensors.relativeL2(s.run(input), expected)).as("DW_PAD=%s", tune[0]).isLessThan(1e-5);
            }
        }
    }
}
