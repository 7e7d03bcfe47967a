package dev.strix.models.equivalence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.BoundWeights;
import dev.strix.api.weights.WeightBinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant of {@link EquivalenceCases} against PyTorch: tools/golden/models.py builds the reference model
 * (torchvision's, or a paper transcription for the families it lacks) with weights re-drawn so a wrong layer
 * cannot pass, and Strix runs the same state_dict and batch-2 input on the reference backend. Every output must
 * be within 1e-4 relative L2. Skipped, saying why, where PyTorch is not installed. {@code -Dstrix.models=a,b} runs
 * only the rows of those variants.
 */
class PyTorchEquivalenceTest {
    /** Relative L2 distance allowed between Strix's and PyTorch's outputs. */
    static final double TOLERANCE = 1e-4;

    private static final Registry REGISTRY = Strix.registry();

    static Stream<EquivalenceCase> fast() {
        return selected(EquivalenceCases.FAST);
    }

    static Stream<EquivalenceCase> slow() {
        return selected(EquivalenceCases.SLOW);
    }

    /** The rows whose variant is listed in system property {@code strix.models} (comma-separated), else all. */
    private static Stream<EquivalenceCase> selected(List<EquivalenceCase> cases) {
        String only = System.getProperty("strix.models", "").trim();
        if (only.isEmpty()) {
            return cases.stream();
        }
        Set<String> wanted = Set.of(only.split("\\s*,\\s*"));
        List<EquivalenceCase> rows = cases.stream().filter(c -> wanted.contains(c.variant())).toList();
        // JUnit rejects a parameterized test without arguments; one null row becomes a visible skip instead.
        return rows.isEmpty() ? Stream.of((EquivalenceCase) null) : rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fast")
    void matchesPyTorch(EquivalenceCase c, @TempDir Path dir) throws Exception {
        check(c, dir);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slow")
    void largeModelMatchesPyTorch(EquivalenceCase c, @TempDir Path dir) throws Exception {
        check(c, dir);
    }

    static void check(EquivalenceCase c, Path dir) throws Exception {
        Assumptions.assumeTrue(c != null, "no row of this table is among -Dstrix.models");
        PyTorchGolden.assumeAvailable();
        PyTorchGolden.Golden golden = PyTorchGolden.generate(c, dir);
        Graph graph = REGISTRY.model(c.variant(), c.modelOptions());
        checkIgnoredWeights(graph, golden);
        List<Tensor> actual;
        try (Session s = new ReferenceBackend().compile(graph, golden.weights(), SessionOptions.defaults())) {
            actual = s.run(List.of(golden.input()));
        }
        assertThat(actual).as("%s outputs", c).hasSameSizeAs(golden.outputs());
        for (int i = 0; i < actual.size(); i++) {
            double distance = Tensors.relativeL2(actual.get(i), golden.outputs().get(i));
            assertThat(distance).as("%s output %d: relative L2 to PyTorch (shape %s)", c, i,
                    golden.outputs().get(i).shape()).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    /** Tensors the graph leaves out (auxiliary heads) are reported, and only those under its declared prefixes. */
    private static void checkIgnoredWeights(Graph graph, PyTorchGolden.Golden golden) {
        BoundWeights bound = WeightBinder.bind(graph, golden.weights());
        List<String> reported = bound.ignored().stream().filter(n -> !n.endsWith("num_batches_tracked")).toList();
        List<String> prefixes = graph.ignoredWeightPrefixes();
        assertThat(reported).allMatch(n -> prefixes.stream().anyMatch(n::startsWith));
        if (!prefixes.isEmpty()) {
            // The generator always keeps the heads in the state_dict, so a graph that leaves them out ignores some.
            assertThat(reported).as("ignored head tensors").isNotEmpty();
        }
    }
}
