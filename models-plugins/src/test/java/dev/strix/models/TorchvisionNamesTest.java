package dev.strix.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter and buffer names and shapes equal torchvision's state_dict, in order, for every torchvision variant at
 * its defaults. The expected lists are test resources written by tools/golden/model_keys.py, so this holds without
 * PyTorch installed; the equivalence tests check the same by loading real state_dicts when it is.
 */
class TorchvisionNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn",
        "vgg19_bn", "googlenet", "inception_v3", "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
        "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2", "densenet121", "densenet169", "densenet201",
        "mobilenet_v2"})
    void namesAndShapesEqualTorchvisionStateDict(String variant) throws IOException {
        Graph g = Strix.registry().model(variant, ModelOptions.defaults());
        Map<String, String> strix = new LinkedHashMap<>();
        g.parameters().forEach((name, spec) -> strix.put(name, shape(spec.shape().toArray())));
        assertThat(strix).containsExactlyEntriesOf(torchvision(variant));
    }

    /**
     * The transformer families: same names and shapes, but state_dict lists a module's own parameters before its
     * children's (ViT's {@code class_token} before {@code conv_proj}, ConvNeXt's {@code layer_scale} before
     * {@code block}, Swin's bias table before {@code qkv}), an order a graph in computation order cannot follow.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vit_ti_16", "vit_s_16", "vit_b_16", "vit_l_16", "swin_t", "swin_s", "swin_b",
        "convnext_tiny", "convnext_small", "convnext_base", "convnext_large"})
    void namesAndShapesEqualTorchvisionStateDictInAnyOrder(String variant) throws IOException {
        Graph g = Strix.registry().model(variant, ModelOptions.defaults());
        Map<String, String> strix = new LinkedHashMap<>();
        g.parameters().forEach((name, spec) -> strix.put(name, shape(spec.shape().toArray())));
        assertThat(strix).containsExactlyInAnyOrderEntriesOf(torchvision(variant));
    }

    private static Map<String, String> torchvision(String variant) throws IOException {
        try (InputStream in = TorchvisionNamesTest.class.getResourceAsStream("/torchvision-keys/" + variant + ".txt")) {
            assertThat(in).as("torchvision-keys/%s.txt", variant).isNotNull();
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split(" ");
                    m.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            return m;
        }
    }

    private static String shape(int[] dims) {
        return java.util.Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }
}
