package dev.strix.layers.norm;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every norm layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class NormGoldenTest {
    @TestFactory
    Stream<DynamicTest> batchNorm() {
        return GoldenCheck.cases("batch_norm");
    }

    @TestFactory
    Stream<DynamicTest> layerNorm() {
        return GoldenCheck.cases("layer_norm");
    }

    @TestFactory
    Stream<DynamicTest> groupNorm() {
        return GoldenCheck.cases("group_norm");
    }

    @TestFactory
    Stream<DynamicTest> localResponseNorm() {
        return GoldenCheck.cases("local_response_norm");
    }
}
