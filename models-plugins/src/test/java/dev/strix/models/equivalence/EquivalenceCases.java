package dev.strix.models.equivalence;

import java.util.List;

/**
 * The equivalence table: every variant checked against PyTorch, at the size it is defined for and, where the
 * architecture allows, at a smaller one (which keeps the reference backend quick). {@link #FAST} runs in every
 * build; {@link #SLOW} (large models) is tagged {@code slow} and runs in CI too. Add a family by adding rows.
 */
final class EquivalenceCases {
    private EquivalenceCases() {}

    static final List<EquivalenceCase> FAST = List.of(
            EquivalenceCase.of("lenet5", 1, 32, 32),
            EquivalenceCase.of("lenet5", 1, 32, 32).with("form", "classic"),
            EquivalenceCase.of("nin", 3, 32, 32),
            EquivalenceCase.of("nin", 3, 48, 40),
            EquivalenceCase.of("alexnet", 3, 224, 224),
            EquivalenceCase.of("alexnet", 3, 96, 96),
            EquivalenceCase.of("googlenet", 3, 224, 224),
            EquivalenceCase.of("googlenet", 3, 64, 64).with("aux_logits", "true"),
            EquivalenceCase.of("resnet18", 3, 224, 224),
            EquivalenceCase.of("resnet18", 3, 64, 64),
            EquivalenceCase.of("resnet34", 3, 64, 64),
            EquivalenceCase.of("resnet50", 3, 64, 64),
            EquivalenceCase.of("resnext50_32x4d", 3, 64, 64),
            EquivalenceCase.of("densenet121", 3, 64, 64),
            EquivalenceCase.of("mobilenet_v1", 3, 224, 224),
            EquivalenceCase.of("mobilenet_v1", 3, 96, 96).with("width", "0.5"),
            EquivalenceCase.of("mobilenet_v2", 3, 224, 224),
            EquivalenceCase.of("mobilenet_v2", 3, 96, 96).with("width", "0.75"),
            EquivalenceCase.of("vit_ti_16", 3, 224, 224),
            EquivalenceCase.of("vit_s_16", 3, 48, 48),
            EquivalenceCase.of("swin_t", 3, 64, 64),
            EquivalenceCase.of("swin_t", 3, 100, 76),
            EquivalenceCase.of("convnext_tiny", 3, 64, 64),
            EquivalenceCase.of("convnext_tiny", 3, 40, 56),
            EquivalenceCase.of("xception", 3, 71, 71),
            EquivalenceCase.of("se_resnet50", 3, 64, 64),
            EquivalenceCase.of("se_resnext50_32x4d", 3, 64, 48),
            EquivalenceCase.of("inception_resnet_v2", 3, 75, 75),
            EquivalenceCase.of("nasnet_a_mobile", 3, 96, 96),
            EquivalenceCase.of("nasnet_a_mobile", 3, 96, 128));

    static final List<EquivalenceCase> SLOW = List.of(
            EquivalenceCase.of("alexnet_original", 3, 227, 227),
            EquivalenceCase.of("zfnet", 3, 224, 224),
            EquivalenceCase.of("vgg11", 3, 32, 32),
            EquivalenceCase.of("vgg11_bn", 3, 64, 64),
            EquivalenceCase.of("vgg13", 3, 32, 32),
            EquivalenceCase.of("vgg16", 3, 32, 32),
            EquivalenceCase.of("vgg16_bn", 3, 32, 32),
            EquivalenceCase.of("vgg19", 3, 32, 32),
            EquivalenceCase.of("vgg13_bn", 3, 32, 32),
            EquivalenceCase.of("vgg19_bn", 3, 32, 32),
            EquivalenceCase.of("inception_v3", 3, 299, 299).with("aux_logits", "true"),
            EquivalenceCase.of("inception_v3", 3, 107, 139),
            EquivalenceCase.of("resnet50", 3, 224, 224),
            EquivalenceCase.of("resnet101", 3, 64, 64),
            EquivalenceCase.of("resnet152", 3, 64, 64),
            EquivalenceCase.of("resnext101_32x8d", 3, 64, 64),
            EquivalenceCase.of("wide_resnet50_2", 3, 64, 64),
            EquivalenceCase.of("densenet121", 3, 224, 224),
            EquivalenceCase.of("densenet169", 3, 64, 64),
            EquivalenceCase.of("densenet201", 3, 64, 64),
            EquivalenceCase.of("vit_b_16", 3, 112, 112),
            EquivalenceCase.of("vit_l_16", 3, 32, 32),
            EquivalenceCase.of("swin_t", 3, 224, 224),
            EquivalenceCase.of("swin_s", 3, 64, 64),
            EquivalenceCase.of("swin_b", 3, 64, 64),
            EquivalenceCase.of("convnext_tiny", 3, 224, 224),
            EquivalenceCase.of("convnext_small", 3, 64, 64),
            EquivalenceCase.of("convnext_base", 3, 32, 32),
            EquivalenceCase.of("convnext_large", 3, 32, 32),
            EquivalenceCase.of("nasnet_a_mobile", 3, 224, 224));
}
