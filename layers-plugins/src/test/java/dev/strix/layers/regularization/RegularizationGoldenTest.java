package dev.strix.layers.regularization;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every regularization layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class RegularizationGoldenTest {
    @TestFactory
    Stream<DynamicTest> dropout() {
        return GoldenCheck.cases("dropout");
    }

    @TestFactory
    Stream<DynamicTest> stochasticDepth() {
        return GoldenCheck.cases("stochastic_depth");
    }
}
