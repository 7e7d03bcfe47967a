package dev.strix.layers.activation;

import dev.strix.layers.GoldenCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every activation layer against PyTorch's outputs in its golden file (tools/golden/layers_core.py). */
class ActivationGoldenTest {
    @TestFactory
    Stream<DynamicTest> relu() {
        return GoldenCheck.cases("relu");
    }

    @TestFactory
    Stream<DynamicTest> relu6() {
        return GoldenCheck.cases("relu6");
    }

    @TestFactory
    Stream<DynamicTest> leakyRelu() {
        return GoldenCheck.cases("leaky_relu");
    }

    @TestFactory
    Stream<DynamicTest> elu() {
        return GoldenCheck.cases("elu");
    }

    @TestFactory
    Stream<DynamicTest> gelu() {
        return GoldenCheck.cases("gelu");
    }

    @TestFactory
    Stream<DynamicTest> sigmoid() {
        return GoldenCheck.cases("sigmoid");
    }

    @TestFactory
    Stream<DynamicTest> hardSigmoid() {
        return GoldenCheck.cases("hard_sigmoid");
    }

    @TestFactory
    Stream<DynamicTest> tanh() {
        return GoldenCheck.cases("tanh");
    }

    @TestFactory
    Stream<DynamicTest> silu() {
        return GoldenCheck.cases("silu");
    }

    @TestFactory
    Stream<DynamicTest> hardSwish() {
        return GoldenCheck.cases("hard_swish");
    }

    @TestFactory
    Stream<DynamicTest> softmax() {
        return GoldenCheck.cases("softmax");
    }

    @TestFactory
    Stream<DynamicTest> logSoftmax() {
        return GoldenCheck.cases("log_softmax");
    }
}
