package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.layers.BuiltinKernels;
import dev.strix.aparapi.spi.AparapiKernel;
import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.LayerType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every primitive layer type strix-layers registers has an Aparapi kernel; composites are lowered instead. */
class KernelCoverageTest {
    /** The layer types of LAYERS.md. */
    private static final List<String> CONTRACT = List.of("conv2d", "conv_transpose2d", "upsample", "max_pool2d",
            "avg_pool2d", "adaptive_avg_pool2d", "global_avg_pool", "global_max_pool", "pad", "identity", "flatten",
            "reshape", "permute", "concat", "split", "slice", "add", "mul", "matmul", "linear", "batch_norm",
            "layer_norm", "group_norm", "local_response_norm", "relu", "relu6", "leaky_relu", "elu", "gelu",
            "sigmoid", "hard_sigmoid", "tanh", "silu", "hard_swish", "softmax", "log_softmax", "dropout",
            "stochastic_depth", "patch_embedding", "class_token", "position_embedding", "layer_scale",
            "multi_head_attention", "window_attention", "squeeze_excitation");

    @Test
    void everyPrimitiveLayerTypeHasAKernel() {
        Registry registry = Strix.registry();
        Set<String> kernels = new TreeSet<>();
        registry.backendKernels(AparapiBackend.NAME, AparapiKernel.class).forEach(k -> kernels.add(k.layerType()));
        Set<String> missing = new TreeSet<>();
        for (LayerType t : registry.layerTypes().values()) {
            if (!t.isComposite() && !kernels.contains(t.name())) {
                missing.add(t.name());
            }
        }
        assertThat(missing).as("layer types without an Aparapi kernel").isEmpty();
        assertThat(registry.layerTypes().keySet()).as("layer types registered by strix-layers")
                .containsAll(CONTRACT);
    }

    @Test
    void theBuiltinsCoverTheContractButItsComposite() {
        Set<String> builtins = new TreeSet<>();
        BuiltinKernels.all().forEach(k -> builtins.add(k.layerType()));
        Set<String> expected = new TreeSet<>(CONTRACT);
        expected.remove("squeeze_excitation");
        assertThat(builtins).isEqualTo(expected);
    }
}
