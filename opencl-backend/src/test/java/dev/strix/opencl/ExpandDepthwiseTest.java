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
import dev.strix.api.weights.Weights;
import dev.strix.opencl.builtin.conv.ExpandDepthwiseKernel;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.session.OpenClSession;
import dev.strix.opencl.session.PlannedNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 1×1 convolution and the depthwise convolution reading it, fused into one kernel (conv/expand_depthwise.cl),
 * forced on every device, against the reference: MobileNet v2's stride-2 block with batch norm and ReLU6, 5×5
 * stride-2 windows with hard swish (MobileNet v3), rows narrower than a vector (ragged last vectors, the last
 * image's last row read lane by lane), asymmetric padding, batches, 4, 2 and 1 channels per work-item, and
 * biases without batch norm or activations.
 */
class ExpandDepthwiseTest {
    /**
     * n, k (input channels), e (expanded), h, w, window, stride, padding top, left, bottom, right, expand
     * activation, depthwise activation, batch norm (1) or biases (0).
     */
    record Case(int n, int k, int e, int h, int w, int window, int stride, int[] padding, String expandAct,
            String depthwiseAct, boolean batchNorm) {
        @Override
        public String toString() {
            return n + "x" + k + "x" + h + "x" + w + " -> " + e + ", " + window + "x" + window + "/" + stride + " pad "
                    + Arrays.toString(padding) + ", " + expandAct + "/" + depthwiseAct + (batchNorm ? ", bn" : "");
        }
    }

    static final List<Case> CASES = List.of(
            new Case(1, 16, 96, 16, 16, 3, 2, new int[] {1, 1, 1, 1}, "relu6", "relu6", true),
            new Case(2, 8, 24, 9, 7, 3, 1, new int[] {1, 1, 1, 1}, "relu6", "relu6", true),
            new Case(1, 12, 36, 14, 14, 3, 1, new int[] {1, 1, 1, 1}, "relu", "relu", true),
            new Case(1, 8, 20, 11, 29, 5, 2, new int[] {2, 2, 2, 2}, "hard_swish", "none", true),
            new Case(3, 6, 18, 5, 9, 3, 1, new int[] {1, 1, 1, 1}, "relu6", "relu6", true),
            new Case(1, 4, 7, 6, 6, 3, 1, new int[] {1, 1, 1, 1}, "none", "relu6", false),
            new Case(1, 8, 16, 10, 12, 3, 1, new int[] {0, 1, 2, 1}, "relu6", "none", false),
            new Case(2, 16, 32, 8, 33, 3, 2, new int[] {1, 0, 1, 2}, "relu6", "relu6", true));

    static Stream<Arguments> cases() {
        return Devices.crossed(CASES);
    }

    static Graph block(Case c) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(c.n(), c.k(), c.h(), c.w()));
        Value t = b.layer("conv2d", "expand").attr("out_channels", c.e()).attr("kernel_size", 1)
                .attr("bias", !c.batchNorm()).apply(x);
        if (c.batchNorm()) {
            t = b.layer("batch_norm", "bn_expand").apply(t);
        }
        if (!c.expandAct().equals("none")) {
            t = b.layer(c.expandAct(), "act_expand").apply(t);
        }
        Value y = b.layer("conv2d", "depthwise").attr("out_channels", c.e()).attr("kernel_size", c.window())
                .attr("stride", c.stride()).attr("padding", c.padding()).attr("groups", c.e())
                .attr("bias", !c.batchNorm()).apply(t);
        if (c.batchNorm()) {
            y = b.layer("batch_norm", "bn_depthwise").apply(y);
        }
        if (!c.depthwiseAct().equals("none")) {
            y = b.layer(c.depthwiseAct(), "act_depthwise").apply(y);
        }
        return b.build(y);
    }

    static SessionOptions options(ClDevice device, String fuse) {
        SessionOptions o = SessionOptions.defaults().withDevice(String.valueOf(device.index()))
                .with("opencl.profile", "true");
        return fuse == null ? o : o.with("opencl.tune.DW_FUSE", fuse);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReference(ClDevice device, Case c) {
        Graph g = block(c);
        Weights w = FusionAndPlanTest.weights(g);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 8);
        Tensor expected = Reference.run(g, w, x);
        try (OpenClSession session = Devices.backend().compileOpenCl(g, w, options(device, "1"))) {
            assertThat(session.steps()).hasSize(1);
            assertThat(Tensors.relativeL2(session.run(x), expected)).as("%s on %s", c, device.label())
                    .isLessThan(1e-5);
            assertThat(session.profile().orElseThrow().msPerKernel())
                    .containsOnlyKeys("conv/expand_depthwise:expand_depthwise");
        }
    }

    @Test
    void poclFusesByDefaultAndNamesEveryAbsorbedNode() {
        Graph g = block(CASES.get(0));
        ClDevice pocl = Devices.all().stream().filter(d -> d.label().contains(PoclBackendTest.DEVICE)).findFirst()
                .orElseThrow();
        try (OpenClSession session = Devices.backend().compileOpenCl(g, FusionAndPlanTest.weights(g),
                options(pocl, null))) {
            PlannedNode step = session.steps().get(0);
            assertThat(step.node().name()).isEqualTo("expand");
            assertThat(step.absorbed()).containsExactly("bn_expand", "act_expand", "depthwise", "bn_depthwise",
                    "act_depthwise");
        }
    }

    @Test
    void staysTwoStepsWhereItMustNot() {
        ClDevice device = Devices.all().get(0);
        List<Graph> graphs = new ArrayList<>();
        // The expanded tensor has a second reader.
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(1, 8, 8, 8));
        Value t = b.layer("conv2d", "expand").attr("out_channels", 16).attr("kernel_size", 1).apply(x);
        Value y = b.layer("conv2d", "depthwise").attr("out_channels", 16).attr("kernel_size", 3).attr("padding", 1)
                .attr("groups", 16).apply(t);
        graphs.add(b.build(b.layer("add", "add").apply(y, t)));
        // A dilated window; a 3×3 convolution, not a 1×1, before the depthwise; a channel multiplier of 2.
        for (int[] v : new int[][] {{1, 2, 1}, {3, 1, 1}, {1, 1, 2}}) {
            GraphBuilder c = new GraphBuilder(Strix.registry());
            Value cx = c.input("x", Shape.of(1, 8, 8, 8));
            Value ct = c.layer("conv2d", "expand").attr("out_channels", 16).attr("kernel_size", v[0])
                    .attr("padding", v[0] / 2).apply(cx);
            graphs.add(c.build(c.layer("conv2d", "depthwise").attr("out_channels", 16 * v[2]).attr("kernel_size", 3)
                    .attr("padding", v[1]).attr("dilation", v[1]).attr("groups", 16).apply(ct)));
        }
        for (Graph g : graphs) {
            try (OpenClSession session = Devices.backend().compileOpenCl(g, FusionAndPlanTest.weights(g),
                    options(device, "1"))) {
                assertThat(session.steps()).extracting(p -> p.node().name()).contains("expand", "depthwise");
                assertThat(session.steps()).noneMatch(p -> p.kernel() instanceof ExpandDepthwiseKernel);
            }
        }
    }
}
