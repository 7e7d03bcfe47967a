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
import dev.strix.opencl.kernel.Activation;
import dev.strix.opencl.memory.MemoryPlan;
import dev.strix.opencl.session.OpenClSession;
import dev.strix.opencl.session.PlannedNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compile-time folding and fusion (batch norm into the convolution, residual add and activation into its
 * epilogue) and the memory plan's reuse, checked on the plan and against the reference backend.
 */
class FusionAndPlanTest {
    /** x → conv → bn → relu → conv → bn → (+x) → relu → conv(1×1) → gelu, all 8 channels at 6×6. */
    static Graph residualBlock(int batch) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(batch, 8, 6, 6));
        Value h = b.layer("conv2d", "conv1").attr("out_channels", 8).attr("kernel_size", 3).attr("padding", 1)
                .attr("bias", false).apply(x);
        h = b.layer("batch_norm", "bn1").apply(h);
        h = b.layer("relu", "relu1").apply(h);
        h = b.layer("conv2d", "conv2").attr("out_channels", 8).attr("kernel_size", 3).attr("padding", 1)
                .attr("bias", false).apply(h);
        h = b.layer("batch_norm", "bn2").apply(h);
        h = b.layer("add", "add").apply(h, x);
        h = b.layer("relu", "relu2").apply(h);
        h = b.layer("conv2d", "conv3").attr("out_channels", 8).attr("kernel_size", 1).apply(h);
        h = b.layer("gelu", "gelu").apply(h);
        return b.build(h);
    }

    /** Weights with batch-norm statistics far from 0/1, so a wrong fold shows. */
    static Weights weights(Graph g) {
        Weights w = Initializers.initialize(g, 3);
        var floats = new java.util.LinkedHashMap<>(w.floats());
        floats.replaceAll((name, t) -> name.endsWith("running_var") ? Tensors.random(t.shape(), name.length())
                .copy() : name.contains("bn") ? Tensors.random(t.shape(), name.hashCode()) : t);
        floats.replaceAll((name, t) -> {
            if (!name.endsWith("running_var")) {
                return t;
            }
            float[] d = t.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.5f + Math.abs(d[i]);
            }
            return Tensor.of(t.shape(), d);
        });
        return Weights.of(floats);
    }

    @Test
    void batchNormAddAndActivationsFoldIntoTheConvolutions() {
        Graph g = residualBlock(2);
        Weights w = weights(g);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 5);
        Tensor expected;
        try (Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            expected = ref.run(x);
        }
        for (var device : Devices.all()) {
            try (OpenClSession s = Devices.backend().compileOpenCl(g, w,
                    SessionOptions.defaults().withDevice(String.valueOf(device.index())))) {
                List<PlannedNode> steps = s.steps();
                assertThat(steps).extracting(p -> p.node().name()).containsExactly("conv1", "conv2", "conv3");
                assertThat(steps.get(0).absorbed()).containsExactly("bn1", "relu1");
                assertThat(steps.get(1).absorbed()).containsExactly("bn2", "add", "relu2");
                assertThat(steps.get(1).epilogue().residual()).isTrue();
                assertThat(steps.get(1).residual().producer()).isEqualTo("x");
                assertThat(steps.get(2).epilogue().activation()).isEqualTo(Activation.GELU);
                assertThat(steps).allSatisfy(p -> assertThat(p.mode()).isEqualTo("kernel"));
                double err = Tensors.relativeL2(s.run(x), expected);
                assertThat(err).as(device.label()).isLessThan(1e-5);
                assertThat(s.describe()).contains("conv2d+batch_norm+add+relu").contains("peak");
            }
        }
    }

    @Test
    void theMemoryPlanReusesSlotsOfDeadTensors() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value h = b.input("x", Shape.of(1, 4, 16, 16));
        for (int i = 0; i < 6; i++) {
            h = b.layer("conv2d", "conv" + i).attr("out_channels", 4).attr("kernel_size", 3).attr("padding", 1)
                    .apply(h);
            h = b.layer("sigmoid", "act" + i).apply(h);
        }
        Graph g = b.build(h);
        try (OpenClSession s = Devices.backend().compileOpenCl(g, Initializers.initialize(g, 1),
                SessionOptions.defaults())) {
            MemoryPlan plan = s.memoryPlan();
            long tensor = 4 * 16 * 16 * Float.BYTES;
            // Input, six fused conv+sigmoid outputs and six im2col scratches, but never more than three alive.
            assertThat(plan.tensors()).hasSize(13);
            assertThat(plan.unsharedBytes()).isGreaterThan(3 * plan.peakBytes());
            assertThat(plan.slots()).hasSizeLessThanOrEqualTo(3);
            assertThat(plan.peakBytes()).isLessThanOrEqualTo(2 * tensor + 9 * tensor);
            assertThat(plan.describe()).contains("slot").contains("act5:0").contains("conv5#scratch0");
        }
    }

    @Test
    void slotsAreSharedOnlyBetweenDisjointLifetimes() {
        MemoryPlan plan = MemoryPlan.plan(List.of(new MemoryPlan.Assignment("a", 100, 0, 1, -1),
                new MemoryPlan.Assignment("b", 80, 1, 2, -1), new MemoryPlan.Assignment("c", 120, 2, 3, -1),
                new MemoryPlan.Assignment("d", 50, 3, Integer.MAX_VALUE, -1)));
        assertThat(plan.slots()).containsExactly(120L, 80L);
        assertThat(plan.peakBytes()).isEqualTo(200);
        assertThat(plan.unsharedBytes()).isEqualTo(350);
        for (var x : plan.tensors()) {
            for (var y : plan.tensors()) {
                if (x != y && x.slot() == y.slot()) {
                    assertThat(x.last() < y.first() || y.last() < x.first()).as(x + " and " + y).isTrue();
                }
            }
        }
    }
}
