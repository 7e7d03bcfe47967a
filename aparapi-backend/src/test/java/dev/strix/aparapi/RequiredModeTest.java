package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.session.AparapiSession;
import dev.strix.aparapi.session.KernelReport;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.DeviceException;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.Plugin;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.testkit.TestLayers;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kernel the OpenCL device rejects: an error naming the kernel, node and reason when the caller requires OpenCL; a
 * reported move to the Java thread pool (with the right values) when the caller allows any mode. The kernel comes
 * from a plugin, as a third-party jar would contribute it.
 */
class RequiredModeTest {
    /** Contributes {@link RejectedScaleKernel} as the Aparapi kernel of the test layer {@code t_scale}. */
    private static final Plugin REJECTED = new Plugin() {
        @Override
        public Collection<BackendKernel> backendKernels() {
            return List.of(new AparapiKernel() {
                @Override
                public String layerType() {
                    return "t_scale";
                }

                @Override
                public void build(NodeContext node) {
                    Shape s = node.inputShape(0);
                    RejectedScaleKernel k = new RejectedScaleKernel();
                    k.x = node.input(0);
                    k.weight = node.param("weight").data();
                    k.y = node.output(0);
                    k.n = k.y.length;
                    k.channels = s.dim(1);
                    k.inner = (int) s.sizeOf(2, s.rank());
                    node.launch(k, k.n).constants(k.weight).reads(k.x).writes(k.y);
                }
            });
        }
    };

    private final Registry registry = Strix.registryWith(TestLayers.plugin(), REJECTED);
    private final AparapiBackend backend = new AparapiBackend();

    private Graph graph() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("x", Shape.of(2, 3, 4, 4));
        return b.build(List.of(b.layer("t_scale", "gain").apply(x)));
    }

    @Test
    void requiredOpenClFailsNamingKernelNodeAndReason() {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 4);
        SessionOptions opencl = SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl");
        assertThatThrownBy(() -> backend.compile(g, w, opencl))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("aparapi kernel RejectedScaleKernel for node 'gain' could not be built for")
                .hasMessageContaining("Portable Computing Language")
                .hasMessageContaining("OpenCL compile failed")
                .hasMessageContaining("aparapi.mode=opencl forbids running it on the Java thread pool");
    }

    @Test
    void anyModeFallsBackToTheThreadPoolAndSaysWhy() {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 4);
        Tensor in = Tensors.random(Shape.of(2, 3, 4, 4), 9);
        try (AparapiSession s = backend.compile(g, w, SessionOptions.defaults().withDevice("portable"));
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            assertThat(Tensors.relativeL2(s.run(in), ref.run(in))).isLessThan(1e-6);
            KernelReport r = s.kernels().get(0);
            assertThat(r.mode()).isEqualTo(Mode.JTP);
            assertThat(r.kernel()).isEqualTo("RejectedScaleKernel");
            assertThat(r.fallbackReason()).contains("RejectedScaleKernel", "'gain'", "OpenCL compile failed");
            assertThat(s.device()).endsWith("kernels: 0 opencl, 1 jtp, 0 host");
            assertThat(s.describe()).contains("fell back: aparapi kernel RejectedScaleKernel for node 'gain'");
        }
    }

    /** The rejected kernel between two convolutions, which build fine. */
    private Graph sandwich() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("x", Shape.of(2, 3, 8, 8));
        Value c = b.layer("conv2d", "before").attr("out_channels", 3).attr("kernel_size", 3).attr("padding", 1)
                .apply(x);
        Value g = b.layer("t_scale", "gain").apply(c);
        return b.build(List.of(b.layer("conv2d", "after").attr("out_channels", 3).attr("kernel_size", 3)
                .attr("padding", 1).apply(g)));
    }

    /**
     * With kernels built before and after the rejected one: the error (the built kernels closed without a crash:
     * Aparapi 3.0.2 crashed disposing a kernel built but never run), and a fallback session closed before and after
     * its first run.
     */
    @Test
    void aRejectedKernelAmongOthersFailsOrFallsBackCleanly() {
        Graph g = sandwich();
        Weights w = Initializers.initialize(g, 4);
        SessionOptions opencl = SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl");
        assertThatThrownBy(() -> backend.compile(g, w, opencl))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("aparapi kernel RejectedScaleKernel for node 'gain' could not be built for");
        SessionOptions any = SessionOptions.defaults().withDevice("portable");
        backend.compile(g, w, any).close();
        Tensor in = Tensors.random(Shape.of(2, 3, 8, 8), 9);
        try (AparapiSession s = backend.compile(g, w, any);
                Session ref = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            assertThat(Tensors.relativeL2(s.run(in), ref.run(in))).isLessThan(1e-5);
            assertThat(s.device()).endsWith("kernels: 2 opencl, 1 jtp, 0 host");
        }
    }

    @Test
    void theSystemPropertyRequiresAModeWhenTheOptionIsAbsent() {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 4);
        System.setProperty(ModeRequest.PROPERTY, "opencl");
        try {
            assertThatThrownBy(() -> backend.compile(g, w, SessionOptions.defaults().withDevice("portable")))
                    .isInstanceOf(DeviceException.class)
                    .hasMessageContaining("aparapi.mode=opencl forbids");
        } finally {
            System.clearProperty(ModeRequest.PROPERTY);
        }
    }

    @Test
    void anUnknownModeIsRejectedQuotingIt() {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 4);
        assertThatThrownBy(() -> backend.compile(g, w, SessionOptions.defaults().with(ModeRequest.OPTION, "gpu")))
                .isInstanceOf(StrixException.class)
                .hasMessage("session option 'aparapi.mode' must be one of [opencl, jtp, any], got 'gpu'");
    }

    @Test
    void anUnknownDeviceListsTheDevices() {
        Graph g = graph();
        Weights w = Initializers.initialize(g, 4);
        assertThatThrownBy(() -> backend.compile(g, w, SessionOptions.defaults().withDevice("tpu")))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("aparapi: no device matches 'tpu'; devices are [opencl:0 (")
                .hasMessageContaining("jtp]");
    }
}
