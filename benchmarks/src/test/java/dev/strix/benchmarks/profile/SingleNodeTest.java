package dev.strix.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.Node;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.LayerCall;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.benchmarks.BenchmarkException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleNodeTest {
    private final Registry registry = Strix.registry();
    private final Graph lenet = registry.model("lenet5", ModelOptions.defaults().withBatch(2));

    private Node node(String type, int which) {
        return lenet.nodes().stream().filter(n -> n.type().name().equals(type)).skip(which).findFirst()
                .orElseThrow();
    }

    @Test
    void aNodeAloneKeepsItsTypeAttributesAndShapes() {
        Node conv2 = node("conv2d", 1);
        Graph g = SingleNode.graph(conv2, registry);
        assertThat(g.nodes()).hasSize(1);
        Node alone = g.nodes().get(0);
        assertThat(alone.type().name()).isEqualTo("conv2d");
        assertThat(alone.attributes()).isEqualTo(conv2.attributes());
        assertThat(alone.inputShapes()).isEqualTo(conv2.inputShapes());
        assertThat(alone.outputShapes()).isEqualTo(conv2.outputShapes());
        assertThat(alone.macs()).isEqualTo(conv2.macs());
        assertThat(NodeProfile.configuration(alone).substring("conv2d".length()))
                .isEqualTo(NodeProfile.configuration(conv2).substring("conv2d".length()));
    }

    @Test
    void aNodeAloneComputesWhatTheLayerComputesWithTheModelsWeights() {
        Node conv2 = node("conv2d", 1);
        Weights all = Initializers.initialize(lenet, 7);
        Weights mine = SingleNode.weights(conv2, all);
        assertThat(mine.floats().keySet()).containsExactlyInAnyOrder("node.weight", "node.bias");
        assertThat(mine.get("node.weight")).isSameAs(all.get(conv2.paramName("weight")));

        Tensor x = Tensor.of(new float[conv2.inputShapes().get(0).elementCount()],
                conv2.inputShapes().get(0).toArray());
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = (float) Math.sin(i * 0.37);
        }
        Tensor expected = conv2.type().forward(new LayerCall(conv2.name(), List.of(x),
                Map.of("weight", all.get(conv2.paramName("weight")), "bias", all.get(conv2.paramName("bias"))),
                Map.of(), conv2.attributes(), conv2.outputShapes())).get(0);
        try (Session s = registry.backend("reference").compile(SingleNode.graph(conv2, registry), mine,
                SessionOptions.defaults())) {
            assertThat(s.run(x).data()).containsExactly(expected.data());
        }
    }

    @Test
    void aMissingParameterNamesTheNodeAndTheTensor() {
        Node conv1 = node("conv2d", 0);
        assertThatThrownBy(() -> SingleNode.weights(conv1, Weights.empty())).isInstanceOf(BenchmarkException.class)
                .hasMessageContaining("'" + conv1.paramName("weight") + "'").hasMessageContaining(conv1.name());
    }
}
