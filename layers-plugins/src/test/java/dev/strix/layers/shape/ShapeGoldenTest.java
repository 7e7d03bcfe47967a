package dev.strix.layers.shape;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every shape layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class ShapeGoldenTest {
    @TestFactory
    Stream<DynamicTest> pad() {
        return GoldenCheck.cases("pad");
    }

    @TestFactory
    Stream<DynamicTest> identity() {
        return GoldenCheck.cases("identity");
    }

    @TestFactory
    Stream<DynamicTest> flatten() {
        return GoldenCheck.cases("flatten");
    }

    @TestFactory
    Stream<DynamicTest> reshape() {
        return GoldenCheck.cases("reshape");
    }

    @TestFactory
    Stream<DynamicTest> permute() {
        return GoldenCheck.cases("permute");
    }

    @TestFactory
    Stream<DynamicTest> concat() {
        return GoldenCheck.cases("concat");
    }

    @TestFactory
    Stream<DynamicTest> split() {
        return GoldenCheck.cases("split");
    }

    @TestFactory
    Stream<DynamicTest> slice() {
        return GoldenCheck.cases("slice");
    }
}
