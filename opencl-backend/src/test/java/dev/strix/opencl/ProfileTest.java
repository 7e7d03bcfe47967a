package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.weights.Initializers;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Reference;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.session.KernelProfile;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import org.junit.jupiter.api.Test;

/** {@code opencl.profile}: device time per step and kernel, without changing what a run computes. */
class ProfileTest {
    private static final SessionOptions POCL = SessionOptions.defaults().withDevice(PoclBackendTest.DEVICE);

    @Test
    void profiledRunsRecordEveryStepsKernelsAndStillComputeTheSameValues() {
        Graph g = FusionAndPlanTest.residualBlock(2);
        Weights w = FusionAndPlanTest.weights(g);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 5);
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        Tensor expected = Reference.run(g, w, x);
        try (OpenClSession s = backend.compileOpenCl(g, w, POCL.with("opencl.profile", "true"))) {
            Tensor first = s.run(x);
            Tensor second = s.run(x);
            KernelProfile profile = s.profile().orElseThrow();

            assertThat(Tensors.relativeL2(first, expected)).isLessThan(1e-5);
            assertThat(second.data()).containsExactly(first.data());
            assertThat(profile.runs()).isEqualTo(2);
            // Three convolutions (bn, add, relu and gelu fused into them): the 3×3 ones run im2col and a GEMM, and
            // so does the 1×1 one: at batch 2 on 6×6 planes (36 of 48 columns per image) it gathers its input to
            // multiply both images' columns at once.
            assertThat(profile.entries()).extracting(KernelProfile.Entry::node)
                    .containsExactly("conv1", "conv1", "conv2", "conv2", "conv3", "conv3");
            assertThat(profile.entries()).allSatisfy(e -> {
                assertThat(e.launches()).isEqualTo(2);
                assertThat(e.nanos()).isPositive();
            });
            // PoCL's tuning unfolds a row per work-item (im2col_rows) and multiplies with the block GEMM.
            assertThat(profile.msPerKernel()).containsOnlyKeys("conv/im2col:im2col_rows", "gemm/gemm_block:gemm");
            assertThat(profile.describe(3)).contains("by kernel:", "slowest steps:", "conv/im2col:im2col_rows");

            profile.reset();
            assertThat(profile.runs()).isZero();
            assertThat(profile.entries()).isEmpty();
        }
    }

    @Test
    void withoutTheOptionThereIsNoProfile() {
        Graph g = FusionAndPlanTest.residualBlock(1);
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        try (OpenClSession s = backend.compileOpenCl(g, FusionAndPlanTest.weights(g), POCL)) {
            assertThat(s.profile()).isEmpty();
        }
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRefused() {
        Graph g = FusionAndPlanTest.residualBlock(1);
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        assertThatThrownBy(() -> backend.compileOpenCl(g, FusionAndPlanTest.weights(g), POCL.with("opencl.profile",
                "yes"))).isInstanceOf(StrixException.class).hasMessageContaining("opencl.profile")
                .hasMessageContaining("'yes'");
    }

    @Test
    void poclMultipliesActivationRowsWithTheRegisterKernelUnlessAKindIsForced() {
        Graph g = GemmVariantsTest.graph(Shape.of(37, 64),
                b -> x -> b.layer("linear", "fc").attr("out_features", 48).apply(x));
        Weights w = Initializers.initialize(g, 3);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 6);
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        SessionOptions profiled = POCL.with("opencl.profile", "true");
        try (OpenClSession s = backend.compileOpenCl(g, w, profiled)) {
            s.run(x);
            assertThat(s.profile().orElseThrow().msPerKernel()).containsOnlyKeys("gemm/gemm_register:gemm");
        }
        try (OpenClSession s = backend.compileOpenCl(g, w, profiled.with("opencl.gemm", "block"))) {
            s.run(x);
            assertThat(s.profile().orElseThrow().msPerKernel()).containsOnlyKeys("gemm/gemm_block:gemm");
        }
    }
}
