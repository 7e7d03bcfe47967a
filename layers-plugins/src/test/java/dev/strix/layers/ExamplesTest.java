package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples every backend's test kit runs: each builds, stays small, and runs on the reference backend with
 * seeded weights, giving outputs of the declared shapes with finite values.
 */
class ExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleRunsOnTheReferenceBackend() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LayerType type : new LayersPlugin().layerTypes()) {
            assertThat(type.examples()).as(type.name() + " examples").isNotEmpty();
            for (LayerExample ex : type.examples()) {
                tests.add(DynamicTest.dynamicTest(type.name() + " " + ex.label(), () -> run(type, ex)));
            }
        }
        return tests.stream();
    }

    private static void run(LayerType type, LayerExample ex) {
        for (Shape s : ex.inputs()) {
            assertThat(s.size()).as("input size of a test-kit example").isLessThanOrEqualTo(4096);
        }
        Graph g = Layers.graph(type.name(), ex.attributes(), ex.inputs());
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < ex.inputs().size(); i++) {
            inputs.add(Tensors.random(ex.inputs().get(i), 11 + i));
        }
        try (Session s = new ReferenceBackend().compile(g, Initializers.initialize(g, 3), SessionOptions.defaults())) {
            List<Tensor> outs = s.run(inputs);
            assertThat(outs).hasSize(g.node(Layers.NODE).outputShapes().size());
            for (Tensor t : outs) {
                for (float v : t.data()) {
                    assertThat(Float.isFinite(v)).as(type.name() + " output finite").isTrue();
                }
            }
        }
    }

    @Test
    void reshapeKeepsTheBatchSymbolicSoWithBatchWorks() {
        GraphBuilder b = new GraphBuilder(Layers.registry());
        Value x = b.input("x", Shape.of(1, 4, 3, 3));
        Value c = b.layer("conv2d", "conv").attr("out_channels", 2).attr("kernel_size", 1).apply(x);
        Value r = b.layer("reshape", "tokens").attr("shape", 0, 2, -1).apply(c);
        Value t = b.layer("permute", "channels_last").attr("dims", 0, 2, 1).apply(r);
        Graph g = b.build(b.layer("linear", "head").attr("out_features", 5).apply(t));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(1, 9, 5));

        Graph g3 = g.withBatch(3);
        assertThat(g3.outputs().get(0).shape()).isEqualTo(Shape.of(3, 9, 5));
        assertThat(g3.macs()).isEqualTo(3 * g.macs());
        // Each image of a batch gives what it gives alone.
        var w = Initializers.initialize(g, 5);
        Tensor batch = Tensors.random(Shape.of(3, 4, 3, 3), 9);
        Tensor second = Tensor.of(java.util.Arrays.copyOfRange(batch.data(), 36, 72), 1, 4, 3, 3);
        Tensor all;
        Tensor one;
        try (Session s = new ReferenceBackend().compile(g3, w, SessionOptions.defaults())) {
            all = s.run(batch);
        }
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            one = s.run(second);
        }
        assertThat(java.util.Arrays.copyOfRange(all.data(), 45, 90)).containsExactly(one.data());
    }
}
