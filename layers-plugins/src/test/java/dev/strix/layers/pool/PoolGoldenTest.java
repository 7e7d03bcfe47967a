package dev.strix.layers.pool;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every pool layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class PoolGoldenTest {
    @TestFactory
    Stream<DynamicTest> maxPool2d() {
        return GoldenCheck.cases("max_pool2d");
    }

    @TestFactory
    Stream<DynamicTest> avgPool2d() {
        return GoldenCheck.cases("avg_pool2d");
    }

    @TestFactory
    Stream<DynamicTest> adaptiveAvgPool2d() {
        return GoldenCheck.cases("adaptive_avg_pool2d");
    }

    @TestFactory
    Stream<DynamicTest> globalAvgPool() {
        return GoldenCheck.cases("global_avg_pool");
    }

    @TestFactory
    Stream<DynamicTest> globalMaxPool() {
        return GoldenCheck.cases("global_max_pool");
    }
}
