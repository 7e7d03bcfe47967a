package dev.strix.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared test kit every backend runs: each registered layer type's {@link LayerExample}s, and each model
 * variant a subclass lists, compared with the reference backend within 1e-4 relative L2. A subclass names the
 * backend, its registry, the session options (device) and the model variants at small inputs.
 */
public abstract class BackendTestKit {
    /** Relative L2 tolerance against the reference backend. */
    protected static final double TOLERANCE = 1e-4;

    protected abstract Registry registry();

    protected abstract Backend backend();

    protected SessionOptions sessionOptions() {
        return SessionOptions.defaults();
    }

    /** A label for the device in test names, so a failure says where it happened. */
    protected String deviceLabel() {
        return backend().name();
    }

    /** Model variants and options to check; none by default. */
    protected List<ModelCase> models() {
        return List.of();
    }

    /** A model variant built with options. */
    public record ModelCase(String variant, ModelOptions options) {}

    @TestFactory
    Stream<DynamicTest> everyLayerExampleMatchesTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LayerType type : registry().layerTypes().values()) {
            for (LayerExample ex : type.examples()) {
                String label = type.name() + " " + ex.label() + " [" + deviceLabel() + "]";
                tests.add(DynamicTest.dynamicTest(label, () -> checkLayer(type, ex, label)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyListedModelMatchesTheReference() {
        return models().stream().map(m -> DynamicTest.dynamicTest(m.variant() + " [" + deviceLabel() + "]",
                () -> checkGraph(registry().model(m.variant(), m.options()), m.variant())));
    }

    private void checkLayer(LayerType type, LayerExample ex, String label) {
        GraphBuilder b = new GraphBuilder(registry());
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < ex.inputs().size(); i++) {
            ins.add(b.input("x" + i, ex.inputs().get(i)));
        }
        List<Value> outs = b.layer(type.name(), "node").attrs(ex.attributes()).applyAll(ins);
        checkGraph(b.build(outs), label);
    }

    /** Compiles {@code graph} on both backends with the same seeded weights and inputs and compares all outputs. */
    protected void checkGraph(Graph graph, String label) {
        Weights w = Initializers.initialize(graph, 42);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < graph.inputs().size(); i++) {
            inputs.add(Tensors.random(graph.inputs().get(i).shape(), 7 + i));
        }
        List<Tensor> expected = Reference.run(graph, w, inputs);
        List<Tensor> actual;
        try (Session s = backend().compile(graph, w, sessionOptions())) {
            actual = s.run(inputs);
        }
        assertThat(actual).as(label).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).shape()).as(label + " output " + i + " shape").isEqualTo(expected.get(i).shape());
            double err = Tensors.relativeL2(actual.get(i), expected.get(i));
            assertThat(err).as(label + " output " + i + " relative L2 vs reference").isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
