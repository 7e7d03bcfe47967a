package dev.strix.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An input one pixel below a variant's smallest fails naming the first node whose output would be empty; at the
 * smallest size it builds. The smallest sizes are torchvision's {@code min_size} metadata where it has one.
 * (GoogLeNet's 15 and NiN's 4 are left out: PyTorch's ceil-mode pooling accepts a window wider than its input when
 * the rounding still yields one output, and strix-layers' pools do not yet.)
 */
class TooSmallInputTest {

    @ParameterizedTest(name = "{0} below {1} pixels fails at {2}")
    @CsvSource({
        "alexnet, 63, features.12, max_pool2d",
        "vgg16, 32, features.30, max_pool2d",
        "inception_v3, 75, Mixed_7a.branch3x3_2.conv, conv2d",
        "densenet121, 29, features.transition3.pool, avg_pool2d",
        "lenet5, 16, pool2, max_pool2d"})
    void theFirstNodeThatCollapsesIsNamed(String variant, int smallest, String node, String type) {
        ModelOptions ok = ModelOptions.defaults().withInput(Shape.of(variant.equals("lenet5") ? 1 : 3, smallest,
                smallest));
        assertThat(Strix.registry().model(variant, ok).node(node)).isNotNull();
        ModelOptions tooSmall = ok.withInput(ok.input().with(1, smallest - 1).with(2, smallest - 1));
        assertThatThrownBy(() -> Strix.registry().model(variant, tooSmall))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("node '" + node + "' (" + type + ")");
    }
}
