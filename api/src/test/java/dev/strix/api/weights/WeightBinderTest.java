package dev.strix.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.testkit.TestLayers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightBinderTest {
    private Graph graph(String ignored) {
        GraphBuilder b = new GraphBuilder(RegistryFactory.create(List.of(TestLayers.plugin()), List.of()));
        Value x = b.input("input", Shape.of(1, 3, 2));
        Value y = b.layer("t_scale", "a").apply(x);
        y = b.layer("t_scale", "b").apply(y);
        if (ignored != null) {
            b.metadata(Graph.IGNORED_WEIGHT_PREFIXES, ignored);
        }
        return b.build(y);
    }

    @Test
    void missingAndUnexpectedAreListedTogether() {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put("a.weight", Tensor.zeros(3));
        f.put("c.weight", Tensor.zeros(3));
        assertThatThrownBy(() -> WeightBinder.bind(graph(null), Weights.of(f)))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("missing (1): b.weight")
                .hasMessageContaining("unexpected (1): c.weight");
    }

    @Test
    void shapeAndDtypeMismatchesNameTheTensor() {
        Map<String, Tensor> f = Map.of("a.weight", Tensor.zeros(4));
        Map<String, IntTensor> i = Map.of("b.weight", new IntTensor(Shape.of(3), new long[3]));
        assertThatThrownBy(() -> WeightBinder.bind(graph(null), Weights.of(f, i, Map.of(), "w.safetensors")))
                .hasMessageContaining("w.safetensors does not fit")
                .hasMessageContaining("a.weight: expected shape [3], found [4]")
                .hasMessageContaining("b.weight: expected a float tensor, found an integer one");
    }

    @Test
    void batchCountersAndDeclaredPrefixesAreIgnored() {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put("a.weight", Tensor.zeros(3));
        f.put("b.weight", Tensor.zeros(3));
        f.put("aux.fc.weight", Tensor.zeros(5));
        Map<String, IntTensor> i = Map.of("a.num_batches_tracked", new IntTensor(Shape.of(), new long[] {3}));
        BoundWeights bound = WeightBinder.bind(graph("aux."), Weights.of(f, i, Map.of(), "file"));
        assertThat(bound.floats()).containsOnlyKeys("a.weight", "b.weight");
        assertThat(bound.ignored()).containsExactlyInAnyOrder("aux.fc.weight", "a.num_batches_tracked");
    }
}
