package dev.strix.aparapi;

import dev.strix.api.Shape;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.testkit.BackendTestKit.ModelCase;
import java.util.List;
import java.util.Map;

/** One variant of every model family at a small input and 10 classes, for the test kit in both modes. */
final class ModelCases {
    private ModelCases() {}

    private static ModelCase at(String variant, int channels, int size) {
        return new ModelCase(variant, new ModelOptions(10, Shape.of(channels, size, size), 1, null, Map.of()));
    }

    static List<ModelCase> all() {
        return List.of(
                at("lenet5", 1, 32),
                at("alexnet", 3, 64),
                at("vgg11_bn", 3, 32),
                at("nin", 3, 32),
                at("googlenet", 3, 64),
                at("inception_v3", 3, 75),
                at("resnet50", 3, 32),
                at("se_resnet50", 3, 32),
                at("densenet121", 3, 32),
                at("xception", 3, 71),
                at("inception_resnet_v2", 3, 75),
                at("mobilenet_v1", 3, 32),
                at("mobilenet_v2", 3, 32),
                at("nasnet_a_mobile", 3, 64),
                at("convnext_tiny", 3, 32),
                at("vit_ti_16", 3, 32),
                at("swin_t", 3, 64));
    }
}
