package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.LayerExample;
import dev.strix.api.spi.LayerType;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.layers.attention.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AttentionLayersPluginTest {
    private static final String[] NAMES = {"conv_transpose2d", "upsample", "patch_embedding", "class_token",
        "position_embedding", "layer_scale", "multi_head_attention", "window_attention", "squeeze_excitation"};

    @Test
    void contributesTheResamplingTransformerAndBlockLayers() {
        assertThat(new AttentionLayersPlugin().layerTypes()).extracting(LayerType::name)
                .containsExactlyInAnyOrder(NAMES);
        assertThat(Strix.registry().layerTypeNames()).contains(NAMES);
        assertThat(Strix.registry().layerType("squeeze_excitation").isComposite()).isTrue();
    }

    /** The examples every backend's test kit runs must build, run and produce finite, non-trivial outputs. */
    @TestFactory
    Stream<DynamicTest> everyExampleRunsOnTheReferenceBackend() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LayerType type : new AttentionLayersPlugin().layerTypes()) {
            assertThat(type.examples()).as(type.name() + " examples").isNotEmpty();
            for (LayerExample ex : type.examples()) {
                tests.add(DynamicTest.dynamicTest(type.name() + " " + ex.label(), () -> runs(type, ex)));
            }
        }
        return tests.stream();
    }

    private static void runs(LayerType type, LayerExample ex) {
        Graph g = Layers.graph(type.name(), ex.attributes(), ex.inputs());
        Weights w = Initializers.initialize(g, 5);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < ex.inputs().size(); i++) {
            inputs.add(Tensors.random(ex.inputs().get(i), 9 + i));
        }
        List<Tensor> outs = TestGraphs.run(g, w, inputs);
        assertThat(outs).hasSameSizeAs(g.outputs());
        for (int i = 0; i < outs.size(); i++) {
            Tensor y = outs.get(i);
            assertThat(y.shape()).isEqualTo(g.outputs().get(i).shape());
            double norm = 0;
            for (float v : y.data()) {
                assertThat(Float.isFinite(v)).as("finite output").isTrue();
                norm += v * v;
            }
            assertThat(norm).as("output " + i + " is not all zero").isPositive();
        }
        if (type.isComposite()) {
            List<Tensor> lowered = TestGraphs.run(g.lowered(), w, inputs);
            assertThat(lowered.get(0).data()).containsExactly(outs.get(0).data());
        }
    }
}
