package dev.strix.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.UnknownNameException;
import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.testkit.TestLayers;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private final Registry registry = RegistryFactory.create(List.of(TestLayers.plugin()), List.of());

    @Test
    void scopesPrefixNodeNamesAndParameterPaths() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 4, 2, 2));
        GraphBuilder block = b.scope("layer1").scope("0");
        Value y = block.layer("t_scale", "bn1").apply(x);
        Graph g = b.build(y);

        assertThat(g.nodes()).extracting(Node::name).containsExactly("layer1.0.bn1");
        assertThat(g.parameters()).containsOnlyKeys("layer1.0.bn1.weight");
        assertThat(g.parameterCount()).isEqualTo(4);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 2, 2));
    }

    @Test
    void shapeErrorsNameTheNodeTheLayerAndTheShapes() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 3, 2, 2));
        assertThatThrownBy(() -> b.scope("head").layer("t_split", "halves").applyAll(x))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("node 'head.halves' (t_split)")
                .hasMessageContaining("channels 3 are odd")
                .hasMessageContaining("[1, 3, 2, 2]");
    }

    @Test
    void unknownLayerTypesListTheKnownOnes() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 2));
        assertThatThrownBy(() -> b.layer("conv9d", "c").apply(x))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("conv9d")
                .hasMessageContaining("t_scale");
    }

    @Test
    void duplicateNamesAndForeignValuesAreRejected() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 2, 2));
        b.layer("t_scale", "s").apply(x);
        assertThatThrownBy(() -> b.layer("t_scale", "s").apply(x)).hasMessageContaining("'s' already exists");
        Value foreign = new Value("elsewhere", 0, Shape.of(1, 2, 2));
        assertThatThrownBy(() -> b.layer("t_scale", "t").apply(foreign)).hasMessageContaining("'elsewhere'");
    }

    @Test
    void multiOutputNodesExposeEachOutput() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(2, 6, 3));
        List<Value> halves = b.layer("t_split", "split").applyAll(x);
        Value sum = b.layer("t_add", "sum").apply(halves.get(0), halves.get(1));
        Graph g = b.build(sum);
        assertThat(halves).extracting(Value::output).containsExactly(0, 1);
        assertThat(g.node("sum").inputs()).extracting(Value::toString).containsExactly("split", "split:1");
        assertThat(sum.shape()).isEqualTo(Shape.of(2, 3, 3));
    }

    @Test
    void loweringExpandsCompositesKeepingParameterNames() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 2, 2, 2));
        Value y = b.scope("block").layer("t_scale_add", "sa").apply(x);
        Graph g = b.build(y);
        Graph low = g.lowered();

        assertThat(g.hasComposites()).isTrue();
        assertThat(low.hasComposites()).isFalse();
        assertThat(low.nodes()).extracting(Node::name).containsExactly("block.sa.scale", "block.sa.add");
        assertThat(low.parameters().keySet()).isEqualTo(g.parameters().keySet())
                .containsExactly("block.sa.scale.weight");
        assertThat(g.lowered(n -> true)).isSameAs(g);
    }

    @Test
    void withBatchReinfersShapes() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape.of(1, 4, 3));
        Graph g = b.build(b.layer("t_scale", "s").apply(x));
        Graph g8 = g.withBatch(8);
        assertThat(g8.inputs().get(0).shape()).isEqualTo(Shape.of(8, 4, 3));
        assertThat(g8.outputs().get(0).shape()).isEqualTo(Shape.of(8, 4, 3));
        assertThat(g8.parameters()).isEqualTo(g.parameters());
    }
}
