package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
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
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.session.OpenClSession;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Max and average pooling on rows wide enough for pool2d_rows.cl's eight-output vector steps (PoCL) and their
 * scalar edges, against the reference on every device: ResNet's 3×3 stride-2 max pool, stride 1, dilation, ceil
 * mode, padding included and excluded from the average.
 */
class PoolRowsTest {
    record Case(String layer, Shape input, Attributes attributes) {
        @Override
        public String toString() {
            return layer + " " + input + " " + attributes;
        }
    }

    static final List<Case> CASES = List.of(
            pool("max_pool2d", Shape.of(2, 3, 40, 38), 3, 2, 1, 1, false, true),
            pool("max_pool2d", Shape.of(1, 2, 21, 35), 3, 1, 1, 1, false, true),
            pool("max_pool2d", Shape.of(1, 2, 30, 41), 3, 1, 0, 2, false, true),
            pool("max_pool2d", Shape.of(1, 3, 33, 47), 3, 2, 0, 1, true, true),
            pool("max_pool2d", Shape.of(1, 2, 32, 64), 2, 2, 0, 1, false, true),
            pool("avg_pool2d", Shape.of(2, 3, 40, 38), 3, 2, 1, 1, false, true),
            pool("avg_pool2d", Shape.of(1, 2, 29, 45), 3, 2, 1, 1, true, false),
            pool("avg_pool2d", Shape.of(1, 2, 25, 33), 3, 1, 1, 1, false, false),
            pool("avg_pool2d", Shape.of(1, 2, 32, 64), 2, 2, 0, 1, false, true));

    static Case pool(String layer, Shape input, int k, int stride, int pad, int dilation, boolean ceil,
            boolean includePad) {
        Attributes.Builder a = Attributes.builder().put("kernel_size", k).put("stride", stride).put("padding", pad)
                .put("ceil_mode", ceil);
        if (layer.equals("max_pool2d")) {
            a.put("dilation", dilation);
        } else {
            a.put("count_include_pad", includePad);
        }
        return new Case(layer, input, a.build());
    }

    static Stream<Arguments> cases() {
        return Devices.crossed(CASES);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReference(ClDevice device, Case c) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", c.input());
        Graph g = b.build(b.layer(c.layer(), "pool").attrs(c.attributes()).apply(x));
        Tensor in = Tensors.random(c.input(), 4);
        Tensor expected = Reference.run(g, Weights.empty(), in);
        try (OpenClSession s = Devices.backend().compileOpenCl(g, Weights.empty(),
                SessionOptions.defaults().withDevice(String.valueOf(device.index())))) {
            assertThat(Tensors.relativeL2(s.run(in), expected)).as("%s on %s", c, device.label()).isLessThan(1e-6);
        }
    }
}
