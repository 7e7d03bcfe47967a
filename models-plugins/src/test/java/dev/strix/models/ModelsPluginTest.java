package dev.strix.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Strix;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.ModelOptions;
import dev.strix.models.common.ModelOptionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plugin is found through ServiceLoader and offers every variant by the name users type. */
class ModelsPluginTest {
    private static final Registry REGISTRY = Strix.registry();

    /** Variants of every family of issue 5, family by family. */
    static final Map<String, List<String>> FAMILIES = Map.ofEntries(
            Map.entry("lenet5", List.of("lenet5")),
            Map.entry("alexnet", List.of("alexnet", "alexnet_original", "zfnet")),
            Map.entry("vgg", List.of("vgg11", "vgg13", "vgg16", "vgg19", "vgg11_bn", "vgg13_bn", "vgg16_bn",
                    "vgg19_bn")),
            Map.entry("nin", List.of("nin")),
            Map.entry("googlenet", List.of("googlenet")),
            Map.entry("inception_v3", List.of("inception_v3")),
            Map.entry("resnet", List.of("resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
                    "resnext50_32x4d", "resnext101_32x8d", "wide_resnet50_2")),
            Map.entry("densenet", List.of("densenet121", "densenet169", "densenet201")),
            Map.entry("mobilenet_v1", List.of("mobilenet_v1")),
            Map.entry("mobilenet_v2", List.of("mobilenet_v2")),
            Map.entry("xception", List.of("xception")),
            Map.entry("senet", List.of("se_resnet50", "se_resnext50_32x4d")),
            Map.entry("inception_resnet", List.of("inception_resnet_v2")),
            Map.entry("nasnet", List.of("nasnet_a_mobile")),
            Map.entry("vit", List.of("vit_ti_16", "vit_s_16", "vit_b_16", "vit_l_16")),
            Map.entry("swin", List.of("swin_t", "swin_s", "swin_b")),
            Map.entry("convnext", List.of("convnext_tiny", "convnext_small", "convnext_base", "convnext_large")));

    @Test
    void registryListsEveryFamilyAndVariant() {
        FAMILIES.forEach((family, variants) -> {
            ModelFamily f = REGISTRY.modelFamilies().get(family);
            assertThat(f).as("family %s", family).isNotNull();
            assertThat(f.variants()).containsExactlyElementsOf(variants);
            assertThat(f.description()).isNotBlank();
            variants.forEach(v -> assertThat(REGISTRY.familyOf(v)).isSameAs(f));
        });
    }

    @Test
    void everyVariantBuildsWithItsFamilyAndVariantAsMetadata() {
        FAMILIES.forEach((family, variants) -> variants.forEach(v -> {
            Graph g = REGISTRY.model(v, ModelOptions.defaults());
            assertThat(g.metadata()).containsEntry("family", family).containsEntry("variant", v);
            assertThat(g.parameterCount()).as(v).isPositive();
        }));
    }

    @Test
    void classesAndBatchOptionsShapeTheOutput() {
        Graph g = REGISTRY.model("resnet18", ModelOptions.defaults().withClasses(7).withBatch(3));
        assertThat(g.inputs().get(0).shape().toArray()).containsExactly(3, 3, 224, 224);
        assertThat(g.outputs().get(0).shape().toArray()).containsExactly(3, 7);
    }

    @Test
    void unknownVariantOfAFamilyListsTheKnownOnes() {
        ModelFamily resnet = REGISTRY.modelFamilies().get("resnet");
        assertThatThrownBy(() -> resnet.build("resnet19", ModelOptions.defaults(), REGISTRY))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("'resnet19'")
                .hasMessageContaining("resnet18, resnet34, resnet50");
    }

    @Test
    void unknownModelListsEveryVariant() {
        assertThatThrownBy(() -> REGISTRY.model("resnet19", ModelOptions.defaults()))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining(FAMILIES.values().stream().flatMap(List::stream).sorted().limit(1)
                        .collect(Collectors.joining()))
                .hasMessageContaining("densenet121").hasMessageContaining("mobilenet_v1")
                .hasMessageContaining("zfnet");
    }

    @Test
    void anOptionTheFamilyDoesNotKnowIsRejectedNamingIt() {
        assertThatThrownBy(() -> REGISTRY.model("googlenet", ModelOptions.defaults().withOption("aux_logit", "true")))
                .isInstanceOf(ModelOptionException.class)
                .hasMessageContaining("'aux_logit'").hasMessageContaining("[aux_logits]");
        assertThatThrownBy(() -> REGISTRY.model("resnet50", ModelOptions.defaults().withOption("x", "1")))
                .isInstanceOf(ModelOptionException.class).hasMessageContaining("takes no options");
    }

    @Test
    void aWidthMultiplierOnAFamilyWithoutOneIsRejected() {
        assertThatThrownBy(() -> REGISTRY.model("vgg16", ModelOptions.defaults().withWidth(0.5)))
                .isInstanceOf(ModelOptionException.class)
                .hasMessageContaining("vgg16 has no width multiplier; got width 0.5");
    }

    @Test
    void aBooleanOptionMustSayTrueOrFalse() {
        assertThatThrownBy(() -> REGISTRY.model("inception_v3", ModelOptions.defaults().withOption("aux_logits", "yes")))
                .isInstanceOf(ModelOptionException.class)
                .hasMessageContaining("option 'aux_logits' must be true or false, got 'yes'");
    }
}
