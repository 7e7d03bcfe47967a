package dev.strix.layers.block;

import static dev.strix.layers.attention.TestGraphs.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ParamSpec;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.layers.GoldenCheck;
import dev.strix.layers.Layers;
import dev.strix.layers.attention.TestGraphs;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SqueezeExcitationTest {
    private static final Attributes TIMM = Attributes.builder().put("reduced_channels", 3).put("activation", "silu")
            .put("gate", "hard_sigmoid").put("reduce_name", "conv_reduce").put("expand_name", "conv_expand").build();

    @TestFactory
    Stream<DynamicTest> matchesTorchvision() {
        return GoldenCheck.cases("squeeze_excitation");
    }

    @Test
    void declaresTheParametersOfItsExpansion() {
        Graph g = Layers.graph("squeeze_excitation", TIMM, Shape.of(2, 6, 5, 4));
        Graph lowered = g.lowered();
        assertThat(shapes(lowered.parameters())).isEqualTo(shapes(g.parameters()));
        assertThat(g.parameters()).containsOnlyKeys("node.conv_reduce.weight", "node.conv_reduce.bias",
                "node.conv_expand.weight", "node.conv_expand.bias");
        assertThat(g.parameters().get("node.conv_reduce.weight").shape()).isEqualTo(Shape.of(3, 6, 1, 1));
        assertThat(lowered.nodes().stream().map(n -> n.name() + ":" + n.type().name()))
                .containsExactly("node.avgpool:global_avg_pool", "node.conv_reduce:conv2d", "node.activation:silu",
                        "node.conv_expand:conv2d", "node.scale_activation:hard_sigmoid", "node.scale:mul");
        assertThat(lowered.nodes()).noneMatch(n -> n.type().isComposite());
        assertThat(lowered.macs()).isEqualTo(g.macs()).isEqualTo(2L * 2 * 6 * 3);
    }

    @Test
    void loweredGraphGivesTheSameOutputAsTheComposite() {
        Graph g = Layers.graph("squeeze_excitation", TIMM, Shape.of(2, 6, 5, 4));
        Weights w = Initializers.initialize(g, 11);
        List<Tensor> x = List.of(Tensors.random(Shape.of(2, 6, 5, 4), 3));
        Tensor composite = TestGraphs.run(g, w, x).get(0);
        Tensor lowered = TestGraphs.run(g.lowered(), w, x).get(0);
        assertThat(lowered.data()).containsExactly(composite.data());
        // The gate is a real scale in (0, 1], not the identity: the output differs from the input.
        assertThat(Tensors.relativeL2(composite, x.get(0))).isGreaterThan(1e-3);
    }

    @Test
    void rejectsBadConfigurations() {
        Shape x = Shape.of(1, 8, 4, 4);
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 0).build(), x,
                "reduced_channels", "0");
        rejects("squeeze_excitation", Attributes.empty(), x, "reduced_channels", "missing");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("gate", "softmax")
                .build(), x, "gate", "softmax");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("activation", "swish")
                .build(), x, "activation", "swish");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).put("expand_name", "fc1")
                .build(), x, "reduce_name", "expand_name", "fc1");
        rejects("squeeze_excitation", Attributes.builder().put("reduced_channels", 2).build(), Shape.of(8, 4, 4),
                "rank 4", "[8, 4, 4]");
    }

    private static Map<String, Shape> shapes(Map<String, ParamSpec> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().shape()));
    }
}
