package dev.strix.layers.conv;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every conv layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class Conv2dGoldenTest {
    @TestFactory
    Stream<DynamicTest> conv2d() {
        return GoldenCheck.cases("conv2d");
    }
}
