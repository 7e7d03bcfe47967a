package dev.strix.aparapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.AparapiBackend;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.testkit.TestLayers;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session says where every kernel ran: OpenCL on PoCL, the Java thread pool, or the host for a kernel-less layer. */
class ModeReportTest {
    private final Registry registry = Strix.registryWith(TestLayers.plugin());
    private final AparapiBackend backend = new AparapiBackend();

    /**
     * conv2d → batch_norm → relu → global_avg_pool → flatten (a view) → linear: three launches, the batch norm
     * folded into the convolution and the ReLU applied by it.
     */
    private Graph smallNet() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("x", Shape.of(1, 3, 8, 8));
        Value c = b.layer("conv2d", "conv").attrs(Attributes.builder().put("out_channels", 8).put("kernel_size", 3)
                .put("padding", 1).build()).apply(x);
        Value n = b.layer("batch_norm", "bn").apply(c);
        Value r = b.layer("relu", "relu").apply(n);
        Value p = b.layer("global_avg_pool", "pool").apply(r);
        Value f = b.layer("flatten", "flatten").apply(p);
        Value y = b.layer("linear", "fc").attrs(Attributes.builder().put("out_features", 5).build()).apply(f);
        return b.build(java.util.List.of(y));
    }

    /** Seeded weights with batch-norm statistics away from 0 and 1, so a wrong fold shows. */
    private static Weights weights(Graph g) {
        Weights w = Initializers.initialize(g, 3);
        float[][] stats = {w.floats().get("bn.weight").data(), w.floats().get("bn.bias").data(),
            w.floats().get("bn.running_mean").data(), w.floats().get("bn.running_var").data()};
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int c = 0; c < stats[0].length; c++) {
            stats[0][c] = (float) (0.5 + r.nextDouble());
            stats[1][c] = (float) (r.nextDouble() - 0.5);
            stats[2][c] = (float) (r.nextDouble() - 0.5);
            stats[3][c] = (float) (0.2 + r.nextDouble());
        }
        return w;
    }

    @Test
    void openClSessionReportsEveryKernelOnTheDevice() {
        Graph g = smallNet();
        Weights w = weights(g);
        Tensor in = Tensors.random(Shape.of(1, 3, 8, 8), 5);
        try (AparapiSession s = backend.compile(g, w,
                SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl"));
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            Tensor out = s.run(in);
            assertThat(Tensors.relativeL2(out, ref.run(in))).isLessThan(1e-5);
            // On OpenCL the stride-1 convolution is two launches: its input padded, then PaddedConvKernel.
            assertThat(s.modeCounts()).isEqualTo(Map.of(Mode.OPENCL, 4L, Mode.JTP, 0L, Mode.HOST, 0L));
            assertThat(s.kernels()).extracting(KernelReport::kernel)
                    .containsExactly("CopyKernel", "PaddedConvKernel", "PoolKernel", "WideGemmKernel");
            assertThat(s.kernels()).extracting(KernelReport::node).containsExactly("conv", "conv", "pool", "fc");
            assertThat(s.device()).startsWith("Aparapi opencl:").contains("Portable Computing Language")
                    .endsWith("kernels: 4 opencl, 0 jtp, 0 host");
            assertThat(s.describe().lines().toList()).hasSize(6).element(3).asString()
                    .startsWith("conv").contains("PaddedConvKernel").contains("opencl");
        }
    }

    @Test
    void jtpSessionReportsTheThreadPool() {
        Graph g = smallNet();
        Weights w = weights(g);
        Tensor in = Tensors.random(Shape.of(1, 3, 8, 8), 5);
        try (AparapiSession s = backend.compile(g, w, SessionOptions.defaults().with(ModeRequest.OPTION, "jtp"));
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            assertThat(Tensors.relativeL2(s.run(in), ref.run(in))).isLessThan(1e-5);
            assertThat(s.modeCounts()).isEqualTo(Map.of(Mode.OPENCL, 0L, Mode.JTP, 3L, Mode.HOST, 0L));
            assertThat(s.target().id()).isEqualTo("jtp");
            assertThat(s.device()).startsWith("Aparapi jtp Java thread pool");
        }
    }

    @Test
    void aLayerWithoutKernelRunsItsReferenceForwardOnTheHost() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("x", Shape.of(2, 4, 3, 3));
        Value s = b.layer("t_scale", "scale").apply(x);
        Value y = b.layer("relu", "relu").apply(s);
        Graph g = b.build(java.util.List.of(y));
        Weights w = Initializers.initialize(g, 1);
        Tensor in = Tensors.random(Shape.of(2, 4, 3, 3), 2);
        try (AparapiSession session = backend.compile(g, w, SessionOptions.defaults().withDevice("portable"));
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            Tensor expected = ref.run(in);
            assertThat(Tensors.relativeL2(session.run(in), expected)).isLessThan(1e-6);
            assertThat(session.kernels()).extracting(KernelReport::mode).containsExactly(Mode.HOST, Mode.OPENCL);
            assertThat(session.kernels().get(0).kernel()).isEqualTo("t_scale");
        }
    }
}
