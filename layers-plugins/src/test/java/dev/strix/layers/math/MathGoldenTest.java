package dev.strix.layers.math;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every math layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class MathGoldenTest {
    @TestFactory
    Stream<DynamicTest> add() {
        return GoldenCheck.cases("add");
    }

    @TestFactory
    Stream<DynamicTest> mul() {
        return GoldenCheck.cases("mul");
    }

    @TestFactory
    Stream<DynamicTest> matmul() {
        return GoldenCheck.cases("matmul");
    }

    @TestFactory
    Stream<DynamicTest> linear() {
        return GoldenCheck.cases("linear");
    }
}
