package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.session.AparapiSession;
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
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Convolutions through the padded copy and PaddedConvKernel / PaddedDepthwiseKernel on PoCL (Aparapi's OpenCL),
 * against the reference. Stride 1: planes 7, 14 and 11 × 9 wide (16-position blocks across row breaks, padding
 * columns not stored), 3×3 and 5×5 windows, dilation 2, "same" padding of an even window (asymmetric), no padding,
 * two groups, output channels not a multiple of 8, a batch of 2, bias with a fused ReLU; depthwise 3×3 and 5×5.
 * Strided (the phase split): ResNet's 3×3 / 2 and 7×7 / 2 stem, odd and even input sizes, stride (2, 1), dilation 2
 * at stride 2, a 4×4 / 4 patch convolution, a 2×2 window at stride 3 (phases no tap reads), depthwise 3×3 and 5×5
 * at stride 2 and depthwise with dilation 2 at strides 1 and 2. Each case runs again after a run on other input.
 */
class PaddedConvTest {
    private static final SessionOptions OPENCL = SessionOptions.defaults().withDevice("portable")
            .with(ModeRequest.OPTION, "opencl");

    /** n, c, o, h, w, kernel, padding (-1: "same"), dilation, groups, stride h, stride w. */
    private static final int[][] CASES = {
        {1, 16, 24, 7, 7, 3, 1, 1, 1, 1, 1},
        {2, 8, 16, 14, 14, 3, 1, 1, 1, 1, 1},
        {1, 6, 20, 9, 11, 5, 2, 1, 1, 1, 1},
        {1, 8, 8, 12, 10, 3, 2, 2, 1, 1, 1},
        {1, 8, 12, 8, 9, 4, -1, 1, 1, 1, 1},
        {1, 8, 8, 10, 6, 3, 0, 1, 1, 1, 1},
        {1, 16, 32, 6, 8, 3, 1, 1, 2, 1, 1},
        // Depthwise (MaskedDepthwiseKernel at stride 1, see depthwiseTakesTheMaskedOrThePaddedKernel): 3×3 on a 7-wide plane, 5×5 on
        // 11 × 13, a batch of 2.
        {1, 24, 24, 7, 7, 3, 1, 1, 24, 1, 1},
        {2, 12, 12, 11, 13, 5, 2, 1, 12, 1, 1},
        // Strided, through the phase split.
        {1, 16, 24, 14, 14, 3, 1, 1, 1, 2, 2},
        {2, 8, 16, 15, 13, 3, 1, 1, 1, 2, 2},
        {1, 3, 16, 23, 22, 7, 3, 1, 1, 2, 2},
        {1, 8, 8, 11, 9, 3, 1, 1, 1, 2, 1},
        {1, 8, 16, 13, 12, 3, 2, 2, 1, 2, 2},
        {1, 3, 24, 16, 12, 4, 0, 1, 1, 4, 4},
        {1, 8, 8, 10, 11, 2, 0, 1, 1, 3, 3},
        {1, 16, 32, 9, 9, 3, 1, 1, 2, 2, 2},
        {1, 24, 24, 14, 14, 3, 1, 1, 24, 2, 2},
        {2, 12, 12, 13, 11, 5, 2, 1, 12, 2, 2},
        // Depthwise at stride 2 with outputs 18 and 17 wide: blocks of one output row, the last shifted.
        {1, 8, 8, 40, 36, 3, 1, 1, 8, 2, 2},
        {1, 4, 4, 35, 33, 5, 2, 1, 4, 2, 2},
        // Depthwise with dilation 2, at stride 1 and 2 (tap rows of other steps).
        {1, 16, 16, 12, 11, 3, 2, 2, 16, 1, 1},
        {1, 8, 8, 13, 12, 3, 2, 2, 8, 2, 2},
    };

    @Test
    void matchesTheReference() {
        for (int[] s : CASES) {
            GraphBuilder b = new GraphBuilder(Strix.registry());
            Value x = b.input("x", Shape.of(s[0], s[1], s[3], s[4]));
            var conv = b.layer("conv2d", "conv").attr("out_channels", s[2]).attr("kernel_size", s[5])
                    .attr("dilation", s[7]).attr("groups", s[8]).attr("stride", s[9], s[10]);
            conv = s[6] < 0 ? conv.attr("padding_mode", "same") : conv.attr("padding", s[6]);
            Graph g = b.build(b.layer("relu", "act").apply(conv.apply(x)));
            Weights w = Initializers.initialize(g, 2);
            Tensor in = Tensors.random(g.inputs().get(0).shape(), 5);
            Tensor expected = Reference.run(g, w, in);
            try (Session session = Strix.registry().backend("aparapi").compile(g, w, OPENCL)) {
                assertThat(Tensors.relativeL2(session.run(in), expected)).as(Arrays.toString(s)).isLessThan(1e-5);
                // The padding is uploaded once and never written: a second run (another input first) still reads
                // zeros there.
                session.run(Tensors.random(in.shape(), 99));
                assertThat(Tensors.relativeL2(session.run(in), expected)).as("second run " + Arrays.toString(s))
                        .isLessThan(1e-5);
            }
        }
    }

    /**
     * Depthwise: {@link dev.strix.aparapi.kernels.MaskedDepthwiseKernel} straight from the input at stride 1 where
     * the output is as wide as it and holds a block of 16 positions, else the padded copy and PaddedDepthwiseKernel.
     * Masked: a batch of 2 with 5×5 taps and a ragged last block, whole blocks only without activation, dilation 2,
     * "same" padding of an even window with ReLU6, 7 × 7 planes (every block but the first overlaps the one before),
     * one 5 × 5 plane (every block reads past both ends of the array: the bounds-tested path). Padded: no padding
     * (narrower output), a 3 × 4 plane, activations other than ReLU and ReLU6 (hard swish, sigmoid; at stride 2 in
     * blocks of one output row, where a shifted block writes the outputs it shares only as final values).
     */
    @Test
    void depthwiseTakesTheMaskedOrThePaddedKernel() {
        // n, c, h, w, kernel, padding (-1: "same"), dilation[, stride]; activation; the kernel that must run it.
        Object[][] cases = {
            {new int[] {2, 12, 11, 13, 5, 2, 1}, "relu", "MaskedDepthwiseKernel"},
            {new int[] {1, 8, 16, 16, 3, 1, 1}, null, "MaskedDepthwiseKernel"},
            {new int[] {1, 16, 12, 11, 3, 2, 2}, "relu", "MaskedDepthwiseKernel"},
            {new int[] {1, 8, 9, 10, 4, -1, 1}, "relu6", "MaskedDepthwiseKernel"},
            {new int[] {1, 8, 7, 7, 3, 1, 1}, "relu6", "MaskedDepthwiseKernel"},
            {new int[] {1, 1, 5, 5, 3, 1, 1}, null, "MaskedDepthwiseKernel"},
            {new int[] {1, 8, 10, 9, 3, 0, 1}, "relu", "PaddedDepthwiseKernel"},
            // Other activations: the padded kernel, which applies them before its stores.
            {new int[] {1, 16, 12, 11, 3, 2, 2}, "hard_swish", "PaddedDepthwiseKernel"},
            {new int[] {1, 8, 7, 7, 3, 1, 1}, "sigmoid", "PaddedDepthwiseKernel"},
            // Stride 2, 18 outputs wide: the padded kernel's blocks of one output row, hard swish before the stores.
            {new int[] {1, 8, 34, 36, 3, 1, 1, 2}, "hard_swish", "PaddedDepthwiseKernel"},
            {new int[] {1, 8, 3, 4, 3, 1, 1}, "relu", "PaddedDepthwiseKernel"},
        };
        for (Object[] c : cases) {
            int[] s = (int[]) c[0];
            String label = Arrays.toString(s) + " " + c[1];
            GraphBuilder b = new GraphBuilder(Strix.registry());
            Value x = b.input("x", Shape.of(s[0], s[1], s[2], s[3]));
            var conv = b.layer("conv2d", "dw").attr("out_channels", s[1]).attr("kernel_size", s[4])
                    .attr("dilation", s[6]).attr("groups", s[1]).attr("stride", s.length > 7 ? s[7] : 1);
            conv = s[5] < 0 ? conv.attr("padding_mode", "same") : conv.attr("padding", s[5]);
            Value y = conv.apply(x);
            Graph g = b.build(c[1] == null ? y : b.layer((String) c[1], "act").apply(y));
            Weights w = Initializers.initialize(g, 4);
            Tensor in = Tensors.random(g.inputs().get(0).shape(), 6);
            Tensor expected = Reference.run(g, w, in);
            try (AparapiSession session = (AparapiSession) Strix.registry().backend("aparapi").compile(g, w,
                    OPENCL)) {
                assertThat(Tensors.relativeL2(session.run(in), expected)).as(label).isLessThan(1e-5);
                assertThat(session.kernels()).as(label).extracting(k -> k.kernel()).contains((String) c[2]);
            }
        }
    }

    /**
     * A strided convolution copies its input straight into the stride phases where every phase gets the same
     * number of input rows and columns at evenly stepping places (a 3×3 / 2 window on an even plane, as mobilenet
     * and ResNet have them), else through a padded copy first (a 7×7 / 2 window on 23 × 22).
     */
    @Test
    void stridePhasesInOneCopyWhereTheyStepEvenly() {
        int[][] cases = {{14, 14, 3, 1, 1}, {16, 12, 3, 1, 1}, {23, 22, 7, 3, 2}, {15, 13, 3, 1, 2}};
        for (int[] c : cases) {
            GraphBuilder b = new GraphBuilder(Strix.registry());
            Value x = b.input("x", Shape.of(1, 8, c[0], c[1]));
            Graph g = b.build(b.layer("conv2d", "conv").attr("out_channels", 8).attr("kernel_size", c[2])
                    .attr("padding", c[3]).attr("stride", 2).apply(x));
            Weights w = Initializers.initialize(g, 2);
            Tensor in = Tensors.random(g.inputs().get(0).shape(), 5);
            try (AparapiSession session = (AparapiSession) Strix.registry().backend("aparapi").compile(g, w,
                    OPENCL)) {
                assertThat(Tensors.relativeL2(session.run(in), Reference.run(g, w, in))).as(Arrays.toString(c))
                        .isLessThan(1e-5);
                assertThat(session.kernels()).as(Arrays.toString(c)).filteredOn(k -> k.kernel().equals("CopyKernel"))
                        .hasSize(c[4]);
            }
        }
    }

    /**
     * ReLU6 (clamped inline by each kernel) with weights large enough that outputs pass 6: depthwise at strides 1
     * and 2 (outputs 17 wide: blocks of one output row), and a 3-channel 3×3 / 2 stem (PaddedConvKernel's stores).
     */
    @Test
    void relu6ClampsAtSix() {
        // in channels, out channels, groups, stride
        int[][] cases = {{16, 16, 16, 1}, {16, 16, 16, 2}, {3, 16, 1, 2}};
        for (int[] c : cases) {
            GraphBuilder b = new GraphBuilder(Strix.registry());
            Value x = b.input("x", Shape.of(1, c[0], 34, 33));
            Value conv = b.layer("conv2d", "conv").attr("out_channels", c[1]).attr("kernel_size", 3)
                    .attr("padding", 1).attr("groups", c[2]).attr("stride", c[3]).apply(x);
            Graph g = b.build(b.layer("relu6", "act").apply(conv));
            Weights w = Initializers.initialize(g, 3);
            float[] weight = w.floats().get("conv.weight").data();
            for (int i = 0; i < weight.length; i++) {
                weight[i] *= 20f;
            }
            Tensor in = Tensors.random(g.inputs().get(0).shape(), 7);
            Tensor expected = Reference.run(g, w, in);
            try (Session session = Strix.registry().backend("aparapi").compile(g, w, OPENCL)) {
                assertThat(Tensors.relativeL2(session.run(in), expected)).as(Arrays.toString(c)).isLessThan(1e-5);
            }
        }
    }
}
