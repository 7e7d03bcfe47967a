package dev.strix.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameter counts and MACs of the families torchvision has, against /work/shared/REFERENCE.md (read off
 * torchvision 0.14): parameters exactly, MACs within 2% where the table gives them.
 */
class ReferenceCountsTest {
    private static final Registry REGISTRY = Strix.registry();

    static Stream<Arguments> torchvision() {
        return Stream.of(
                Arguments.of("alexnet", ModelOptions.defaults(), 61_100_840L, 0.714),
                Arguments.of("vgg11", ModelOptions.defaults(), 132_863_336L, 0.0),
                Arguments.of("vgg11_bn", ModelOptions.defaults(), 132_868_840L, 0.0),
                Arguments.of("vgg13", ModelOptions.defaults(), 133_047_848L, 0.0),
                Arguments.of("vgg16", ModelOptions.defaults(), 138_357_544L, 15.470),
                Arguments.of("vgg16_bn", ModelOptions.defaults(), 138_365_992L, 0.0),
                Arguments.of("vgg19", ModelOptions.defaults(), 143_667_240L, 19.632),
                Arguments.of("vgg19_bn", ModelOptions.defaults(), 143_678_248L, 0.0),
                Arguments.of("googlenet", ModelOptions.defaults(), 6_624_904L, 1.498),
                Arguments.of("inception_v3", ModelOptions.defaults().withOption("aux_logits", "true"), 27_161_264L,
                        0.0),
                Arguments.of("resnet18", ModelOptions.defaults(), 11_689_512L, 1.814),
                Arguments.of("resnet34", ModelOptions.defaults(), 21_797_672L, 3.664),
                Arguments.of("resnet50", ModelOptions.defaults(), 25_557_032L, 4.089),
                Arguments.of("resnet101", ModelOptions.defaults(), 44_549_160L, 7.801),
                Arguments.of("resnet152", ModelOptions.defaults(), 60_192_808L, 11.514),
                Arguments.of("resnext50_32x4d", ModelOptions.defaults(), 25_028_904L, 4.230),
                Arguments.of("resnext101_32x8d", ModelOptions.defaults(), 88_791_336L, 0.0),
                Arguments.of("wide_resnet50_2", ModelOptions.defaults(), 68_883_240L, 0.0),
                Arguments.of("densenet121", ModelOptions.defaults(), 7_978_856L, 2.834),
                Arguments.of("densenet169", ModelOptions.defaults(), 14_149_480L, 0.0),
                Arguments.of("densenet201", ModelOptions.defaults(), 20_013_928L, 0.0),
                Arguments.of("mobilenet_v2", ModelOptions.defaults(), 3_504_872L, 0.301),
                Arguments.of("convnext_tiny", ModelOptions.defaults(), 28_589_128L, 4.456),
                Arguments.of("convnext_small", ModelOptions.defaults(), 50_223_688L, 0.0),
                Arguments.of("convnext_base", ModelOptions.defaults(), 88_591_464L, 0.0),
                Arguments.of("convnext_large", ModelOptions.defaults(), 197_767_336L, 0.0),
                Arguments.of("vit_b_16", ModelOptions.defaults(), 86_567_656L, 17.566),
                Arguments.of("vit_l_16", ModelOptions.defaults(), 304_326_632L, 0.0),
                Arguments.of("swin_t", ModelOptions.defaults(), 28_288_354L, 4.494),
                Arguments.of("swin_s", ModelOptions.defaults(), 49_606_258L, 0.0),
                Arguments.of("swin_b", ModelOptions.defaults(), 87_768_224L, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torchvision")
    void parametersEqualTorchvisionAndMacsAreWithinTwoPercent(String variant, ModelOptions options, long params,
            double gmacs) {
        Graph g = REGISTRY.model(variant, options);
        assertThat(g.parameterCount()).as("%s parameters", variant).isEqualTo(params);
        if (gmacs > 0) {
            assertThat(g.macs() / 1e9).as("%s GMACs", variant).isCloseTo(gmacs, within(gmacs * 0.02));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torchvision")
    void buildsAtBatchOneWithOneInputNamedInput(String variant, ModelOptions options) {
        Graph g = REGISTRY.model(variant, options);
        assertThat(g.inputs()).hasSize(1);
        assertThat(g.inputs().get(0).name()).isEqualTo("input");
        assertThat(g.outputs().get(0).shape().toArray()).containsExactly(1, 1000);
    }
}
