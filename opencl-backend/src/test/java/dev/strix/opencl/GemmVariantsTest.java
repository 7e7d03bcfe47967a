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
import dev.strix.opencl.device.ClDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GEMM kernel (register-blocked, local-memory tiled, block) on every device, whichever the tuning table would
 * pick, on products that exercise edges, batches, groups and long inner dimensions: a K of 9,216 or more exceeds
 * llvmpipe's loop budget (65,535 iterations per kernel invocation) unless K is split, which gave wrong results
 * before the split existed.
 */
@org.junit.jupiter.api.Tag("slow")
class GemmVariantsTest {
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (ClDevice d : Devices.all()) {
            for (String kind : List.of("register", "local", "block")) {
                all.add(Arguments.of(Named.of(d.label(), d), kind));
            }
        }
        return all.stream();
    }

    static Graph graph(Shape input, Function<GraphBuilder, Function<Value, Value>> body) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", input);
        return b.build(body.apply(b).apply(x));
    }

    static void check(Graph g, ClDevice device, String kind, String label) {
        Weights w = Initializers.initialize(g, 11);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 4);
        Tensor expected = Reference.run(g, w, x);
        SessionOptions o = SessionOptions.defaults().withDevice(String.valueOf(device.index()))
                .with("opencl.gemm", kind);
        try (Session s = Devices.backend().compile(g, w, o)) {
            assertThat(Tensors.relativeL2(s.run(x), expected)).as(label + " " + kind + " on " + device.label())
                    .isLessThan(1e-5);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void linearWithALongInnerDimension(ClDevice device, String kind) {
        check(graph(Shape.of(19, 9216), b -> x -> b.layer("linear", "fc").attr("out_features", 37).apply(x)), device,
                kind, "linear 19x9216x37");
        check(graph(Shape.of(2, 9216), b -> x -> b.layer("linear", "fc").attr("out_features", 40).apply(x)), device,
                kind, "linear 2x9216x40 (gemv)");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void convolutionsOfEveryPath(ClDevice device, String kind) {
        check(graph(Shape.of(2, 12, 9, 7), b -> x -> b.layer("conv2d", "c").attr("out_channels", 20)
                .attr("kernel_size", 3).attr("stride", 2).attr("groups", 4).apply(x)), device, kind, "grouped conv");
        check(graph(Shape.of(3, 24, 5, 6), b -> x -> b.layer("conv2d", "c").attr("out_channels", 17)
                .attr("kernel_size", 1).apply(x)), device, kind, "1x1 conv");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void batchedMatmulWithBroadcastAndTranspose(ClDevice device, String kind) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value a = b.input("a", Shape.of(2, 3, 19, 21));
        Value c = b.input("b", Shape.of(3, 17, 21));
        Graph g = b.build(b.layer("matmul", "mm").attr("transpose_b", true).apply(a, c));
        Weights w = Weights.empty();
        List<Tensor> in = List.of(Tensors.random(Shape.of(2, 3, 19, 21), 1), Tensors.random(Shape.of(3, 17, 21), 2));
        List<Tensor> expected = Reference.run(g, w, in);
        try (Session s = Devices.backend().compile(g, w, SessionOptions.defaults()
                .withDevice(String.valueOf(device.index())).with("opencl.gemm", kind))) {
            assertThat(Tensors.relativeL2(s.run(in).get(0), expected.get(0))).isLessThan(1e-5);
        }
    }
}
