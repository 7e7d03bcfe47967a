package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.Ledger;
import dev.strix.opencl.session.OpenClBackend;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1,000 compile–run–close cycles leave no buffer, kernel or queue behind, and the program cache does not grow
 * after the first: the context's ledger counts every create and release.
 */
@Tag("slow")
class LifetimeTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> devices() {
        return Devices.arguments();
    }

    static Graph graph() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", dev.strix.api.Shape.of(1, 3, 8, 8));
        Value c = b.layer("conv2d", "conv").attr("out_channels", 4).attr("kernel_size", 3).attr("padding", 1)
                .apply(x);
        Value n = b.layer("batch_norm", "bn").apply(c);
        Value r = b.layer("relu", "relu").apply(n);
        Value p = b.layer("global_avg_pool", "pool").apply(r);
        Value f = b.layer("flatten", "flat").apply(p);
        Value y = b.layer("linear", "fc").attr("out_features", 5).apply(f);
        return b.build(y);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void compileRunCloseCyclesLeaveNothingBehind(ClDevice device) {
        OpenClBackend backend = Devices.backend();
        ClContext ctx = backend.context(device);
        Graph g = graph();
        Weights w = Initializers.initialize(g, 1);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 2);
        SessionOptions options = SessionOptions.defaults().withDevice(String.valueOf(device.index()));
        Tensor first;
        try (Session s = backend.compile(g, w, options)) {
            first = s.run(x);
        }
        Map<Ledger.Kind, Integer> baseline = ctx.ledger().snapshot();
        assertThat(baseline.get(Ledger.Kind.MEM)).isZero();
        assertThat(baseline.get(Ledger.Kind.KERNEL)).isZero();
        assertThat(baseline.get(Ledger.Kind.QUEUE)).isZero();
        int programs = baseline.get(Ledger.Kind.PROGRAM);
        assertThat(programs).isPositive();
        for (int i = 0; i < 1000; i++) {
            try (Session s = backend.compile(g, w, options)) {
                Tensor y = s.run(x);
                if (i % 250 == 0) {
                    assertThat(y.data()).containsExactly(first.data());
                }
                assertThat(ctx.ledger().live(Ledger.Kind.QUEUE)).isEqualTo(1);
                assertThat(ctx.ledger().live(Ledger.Kind.MEM)).isPositive();
            }
        }
        assertThat(ctx.ledger().snapshot()).isEqualTo(baseline);
        assertThat(ctx.programs().size()).isEqualTo(programs);
    }
}
