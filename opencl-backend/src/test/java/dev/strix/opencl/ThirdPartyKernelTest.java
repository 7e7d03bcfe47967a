package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.builtin.Launches;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.OpenClKernel;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.opencl.session.OpenClSession;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel set is a plugin point: a plugin that brings a layer type and an {@link OpenClKernel} for it (with
 * its own .cl resource) gets it run on the device by the backend of a registry that includes the plugin.
 */
class ThirdPartyKernelTest {
    /** y = x³. */
    static final class Cube implements LayerType {
        @Override
        public String name() {
            return "t_cube";
        }

        @Override
        public String description() {
            return "x cubed (test)";
        }

        @Override
        public List<Shape> inferShapes(List<Shape> inputs, Attributes a) {
            return List.of(inputs.get(0));
        }

        @Override
        public List<Tensor> forward(LayerCall call) {
            Tensor y = call.newOutput(0);
            float[] x = call.input(0).data();
            for (int i = 0; i < x.length; i++) {
                y.data()[i] = x[i] * x[i] * x[i];
            }
            return List.of(y);
        }
    }

    static final class CubeKernel implements OpenClKernel {
        @Override
        public String layerType() {
            return "t_cube";
        }

        @Override
        public Step prepare(KernelContext ctx) {
            ClKernel k = ctx.kernel(getClass().getClassLoader(), "dev/strix/opencl/testkernels/cube.cl", "cube",
                    Defines.of());
            int n = ctx.outputShape(0).elementCount();
            return Launches.elementwise(k, ctx, n, io -> k.arg(0, io.input(0)).arg(1, io.output(0)).arg(2, n));
        }
    }

    @Test
    void aPluginKernelRunsOnTheDevice() {
        Registry registry = Strix.registryWith(new Plugin() {
            @Override
            public Collection<LayerType> layerTypes() {
                return List.of(new Cube());
            }

            @Override
            public Collection<BackendKernel> backendKernels() {
                return List.of(new CubeKernel());
            }
        });
        OpenClBackend backend = (OpenClBackend) registry.backend(OpenClBackend.NAME);
        assertThat(backend.kernels()).containsKey("t_cube").containsKey("conv2d");
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("x", Shape.of(3, 7));
        Graph g = b.build(b.layer("t_cube", "cube").apply(x));
        Tensor in = Tensors.random(Shape.of(3, 7), 9);
        try (OpenClSession s = backend.compileOpenCl(g, Weights.empty(), SessionOptions.defaults())) {
            assertThat(s.steps().get(0).mode()).isEqualTo("kernel");
            Tensor y = s.run(in);
            for (int i = 0; i < 21; i++) {
                float v = in.data()[i];
                assertThat(y.data()[i]).isEqualTo(v * v * v);
            }
        } finally {
            backend.close();
        }
    }
}
