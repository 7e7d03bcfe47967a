package dev.strix.layers.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Attributes;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Weights;
import dev.strix.layers.GoldenFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a layer's golden cases (tools/golden/layers_attention.py) as one-node graphs on the reference backend and
 * compares with PyTorch's outputs; also builds one-node graphs for bad-input tests. Shared by the resample,
 * attention and block tests.
 */
public final class GoldenCheck {
    /** The node name every one-node graph uses, so parameters are {@code node.<local name>}. */
    public static final String NODE = "node";

    private GoldenCheck() {}

    /** One dynamic test per golden case of {@code layer}. */
    public static Stream<DynamicTest> goldenTests(String layer) {
        return GoldenFile.read(layer).stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(layer, c)));
    }

    /** Runs case {@code c} of {@code layer} and asserts every output within the case's relative L2 tolerance. */
    public static void check(String layer, GoldenFile.Case c) {
        Graph g = oneNode(layer, c.attributes(), c.inputs().stream().map(Tensor::shape).toArray(Shape[]::new));
        List<Tensor> actual = run(g, weights(g, c.params()), c.inputs());
        assertThat(actual).as(c.name()).hasSameSizeAs(c.outputs());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).shape()).as(c.name() + " output " + i + " shape")
                    .isEqualTo(c.outputs().get(i).shape());
            assertThat(Tensors.relativeL2(actual.get(i), c.outputs().get(i)))
                    .as(c.name() + " output " + i + " relative L2 to PyTorch").isLessThanOrEqualTo(c.tolerance());
        }
    }

    /** A graph of one node {@value #NODE} of {@code layer} over inputs {@code x0, x1, …}. */
    public static Graph oneNode(String layer, Attributes attributes, Shape... inputs) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            ins.add(b.input("x" + i, inputs[i]));
        }
        return b.build(b.layer(layer, NODE).attrs(attributes).applyAll(ins));
    }

    /**
     * Weights for {@code g}: {@code params} by local name under {@value #NODE}, plus the fixed value of every index
     * buffer the graph declares.
     */
    public static Weights weights(Graph g, Map<String, Tensor> params) {
        Map<String, Tensor> floats = new LinkedHashMap<>();
        params.forEach((k, v) -> floats.put(NODE + "." + k, v));
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        g.parameters().forEach((name, spec) -> {
            if (spec.kind() == ParamSpec.Kind.INDEX) {
                ints.put(name, spec.index());
            }
        });
        return Weights.of(floats, ints, Map.of(), "golden parameters");
    }

    /** Runs {@code g} once on the reference backend. */
    public static List<Tensor> run(Graph g, Weights w, List<Tensor> inputs) {
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            return s.run(inputs);
        }
    }

    /** Asserts that building a one-node graph fails with a message naming the node and every fragment given. */
    public static void rejects(String layer, Attributes attributes, Shape input, String... fragments) {
        String[] expected = Stream.concat(Stream.of("node '" + NODE + "'", layer), Arrays.stream(fragments))
                .toArray(String[]::new);
        assertThatThrownBy(() -> oneNode(layer, attributes, input)).isInstanceOf(ShapeException.class)
                .message().contains(expected);
    }
}
