package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry found through ServiceLoader offers exactly the layer types LAYERS.md lists, under those names. */
class LayerNamesTest {
    /** Every name in LAYERS.md, in its order. */
    private static final List<String> LAYERS_MD = List.of(
            "conv2d", "conv_transpose2d", "upsample",
            "max_pool2d", "avg_pool2d", "adaptive_avg_pool2d", "global_avg_pool", "global_max_pool",
            "pad", "identity", "flatten", "reshape", "permute", "concat", "split", "slice",
            "add", "mul", "matmul", "linear",
            "batch_norm", "layer_norm", "group_norm", "local_response_norm",
            "relu", "relu6", "leaky_relu", "elu", "gelu", "sigmoid", "hard_sigmoid", "tanh", "silu", "hard_swish",
            "softmax", "log_softmax",
            "dropout", "stochastic_depth",
            "patch_embedding", "class_token", "position_embedding", "layer_scale", "multi_head_attention",
            "window_attention",
            "squeeze_excitation");

    @Test
    void registryListsExactlyTheContractsNames() {
        assertThat(Strix.registry().layerTypeNames()).containsExactlyInAnyOrderElementsOf(LAYERS_MD);
    }

    @Test
    void everyLayerTypeDescribesItselfAndListsExamples() {
        for (String name : LAYERS_MD) {
            var type = Strix.registry().layerType(name);
            assertThat(type.name()).isEqualTo(name);
            assertThat(type.description()).as(name).isNotBlank();
            assertThat(type.examples()).as(name + " examples").isNotEmpty();
        }
    }
}
