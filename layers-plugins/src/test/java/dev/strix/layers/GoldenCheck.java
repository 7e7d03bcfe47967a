package dev.strix.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Tensor;
import dev.strix.api.testkit.Tensors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs every case of a layer's golden file as a one-node graph on the reference backend, parameters bound as
 * {@code node.<local name>}, and compares each output with PyTorch's within the case's relative L2 tolerance.
 */
public final class GoldenCheck {
    private GoldenCheck() {}

    /** One dynamic test per golden case of {@code layer}. */
    public static Stream<DynamicTest> cases(String layer) {
        return GoldenFile.read(layer).stream()
                .map(c -> DynamicTest.dynamicTest(layer + " " + c, () -> check(layer, c)));
    }

    /** Runs one case and asserts shapes and values. */
    public static void check(String layer, GoldenFile.Case c) {
        List<Tensor> actual = Layers.run(layer, c.attributes(), c.params(), c.inputs());
        assertThat(actual).as("%s %s outputs", layer, c.name()).hasSameSizeAs(c.outputs());
        for (int i = 0; i < actual.size(); i++) {
            Tensor expected = c.outputs().get(i);
            assertThat(actual.get(i).shape()).as("%s %s output %d shape", layer, c.name(), i)
                    .isEqualTo(expected.shape());
            assertThat(Tensors.relativeL2(actual.get(i), expected))
                    .as("%s %s output %d relative L2 against PyTorch", layer, c.name(), i)
                    .isLessThanOrEqualTo(c.tolerance());
        }
    }
}
