package dev.strix.detection.fcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import dev.strix.detection.image.Crop;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FCN conversion on the reference backend. Tolerance: 1e-5 relative to the output's scale (float reordering). */
class FcnConverterTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    private static Tensor run(Graph g, Weights w, Tensor x) {
        try (Session s = REFERENCE.compile(g, w, SessionOptions.defaults())) {
            return s.run(x);
        }
    }

    static Tensor random(long seed, int... dims) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return t;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) Math.abs(actual[i] - expected[i])).as("element " + i).isLessThanOrEqualTo(1e-5 * scale);
        }
    }

    @Test
    void identicalOutputsAtTheBaseSize() {
        Graph g = SmallNets.valid(1, 5);
        Weights w = Initializers.initialize(g, 7);
        FcnModel fcn = FcnConverter.convert(g, w, 20, 20);
        assertThat(fcn.graph().outputs().get(0).shape()).isEqualTo(Shape.of(1, 5, 1, 1));
        assertThat(fcn.weights().get("classifier.0.weight").shape()).isEqualTo(Shape.of(32, 16, 3, 3));
        assertThat(fcn.weights().get("classifier.3.weight").shape()).isEqualTo(Shape.of(5, 32, 1, 1));
        assertThat(fcn.graph().node("classifier.0").type().name()).isEqualTo("conv2d");
        Tensor x = random(1, 1, 3, 20, 20);
        assertClose(run(fcn.graph(), fcn.weights(), x).data(), run(g, w, x).data());
    }

    @Test
    void largerImageGivesTheScoreOfEveryWindowInOnePass() {
        Graph g = SmallNets.valid(1, 5);
        Weights w = Initializers.initialize(g, 11);
        // 44 wide, 36 high: (44 − 20)/4 + 1 = 7 columns, (36 − 20)/4 + 1 = 5 rows of windows at stride 4.
        FcnModel fcn = FcnConverter.convert(g, w, 36, 44);
        assertThat(fcn.rows()).isEqualTo(5);
        assertThat(fcn.cols()).isEqualTo(7);
        assertThat(fcn.geometry().strideX()).isEqualTo(4);
        assertThat(fcn.geometry().strideY()).isEqualTo(4);
        // Receptive field of one cell: conv 3 (+2) → pool 2 (+1, stride 2) → conv 3 (+2·2) → pool 2 (+1·2,
        // stride 4) → the 3×3 head conv (+2·4) = 1 + 2 + 1 + 4 + 2 + 8 = 18; no padding, so it starts at 0.
        assertThat(fcn.geometry()).isEqualTo(new FcnGeometry(4, 4, 20, 20, 0, 0, 18, 18));
        Tensor image = random(2, 3, 36, 44);
        Tensor map = run(fcn.graph(), fcn.weights(), image.reshape(Shape.of(1, 3, 36, 44)));
        assertThat(map.shape()).isEqualTo(Shape.of(1, 5, 5, 7));
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 7; c++) {
                Box window = fcn.geometry().window(r, c);
                assertThat(window).isEqualTo(Box.xywh(4 * c, 4 * r, 20, 20));
                Tensor crop = Crop.region(image, 4 * r, 4 * c, 20, 20).reshape(Shape.of(1, 3, 20, 20));
                float[] expected = run(g, w, crop).data();
                float[] cell = new float[5];
                for (int k = 0; k < 5; k++) {
                    cell[k] = map.get(0, k, r, c);
                }
                assertClose(cell, expected);
            }
        }
    }

    @Test
    void paddingSoftmaxAndIdentityAdaptivePool() {
        Graph g = SmallNets.padded(3);
        Weights w = Initializers.initialize(g, 3);
        FcnModel base = FcnConverter.convert(g, w, 16, 16);
        Tensor x = random(4, 1, 3, 16, 16);
        assertClose(run(base.graph(), base.weights(), x).data(), run(g, w, x).data());
        // conv k3 s2 p1: stride 2, field starts at −1, size 3; pool 2: stride 4, size 3 + 1·2 = 5;
        // head 4×4 conv: size 5 + 3·4 = 17.
        assertThat(base.geometry()).isEqualTo(new FcnGeometry(4, 4, 16, 16, -1, -1, 17, 17));
        FcnModel wide = FcnConverter.convert(g, w, 16, 40);
        assertThat(wide.graph().node("avgpool")).as("dropped: it was the identity at 16×16").isNull();
        Tensor map = run(wide.graph(), wide.weights(), random(5, 1, 3, 16, 40));
        assertThat(map.shape()).isEqualTo(Shape.of(1, 3, 1, 7));
        for (int c = 0; c < 7; c++) {
            double sum = map.get(0, 0, 0, c) + map.get(0, 1, 0, c) + map.get(0, 2, 0, c);
            assertThat(sum).as("softmax over the class axis").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void convertsAModelFromTheRegistry() {
        // LeNet-5 from strix-models: conv/pool backbone, flatten, three linears.
        Graph lenet = Strix.registry().model("lenet5", dev.strix.api.spi.ModelOptions.defaults());
        Weights w = Initializers.initialize(lenet, 5);
        Shape in = lenet.inputs().get(0).shape();
        FcnModel fcn = FcnConverter.convert(lenet, w, in.dim(2), in.dim(3));
        Tensor x = random(6, 1, in.dim(1), in.dim(2), in.dim(3));
        assertClose(run(fcn.graph(), fcn.weights(), x).data(), run(lenet, w, x).data());
        assertThat(fcn.geometry().strideX()).isEqualTo(4);
    }

    @Test
    void graphsThatCannotBeConvertedAreRejected() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(1, 3, 8, 8));
        x = b.layer("global_avg_pool", "gap").apply(x);
        Graph noFlatten = b.build(x);
        assertThatThrownBy(() -> FcnConverter.convert(noFlatten, Weights.empty(), 8, 8))
                .isInstanceOf(DetectionException.class).hasMessageContaining("no flatten node");

        GraphBuilder b2 = new GraphBuilder(Strix.registry());
        Value y = b2.input("image", Shape.of(1, 3, 8, 8));
        y = b2.layer("global_avg_pool", "gap").apply(y);
        y = b2.layer("flatten", "flatten").apply(y);
        y = b2.layer("linear", "fc").attr("out_features", 4).apply(y);
        Graph pooled = b2.build(y);
        assertThatThrownBy(() -> FcnConverter.convert(pooled, Initializers.initialize(pooled, 1), 8, 16))
                .isInstanceOf(DetectionException.class).hasMessageContaining("node 'gap' (global_avg_pool)");

        Graph g = SmallNets.valid(1, 5);
        assertThatThrownBy(() -> FcnConverter.convert(g, Initializers.initialize(g, 1), 19, 30))
                .isInstanceOf(DetectionException.class).hasMessageContaining("smaller than the classifier's 20×20");
    }

    @Test
    void anythingButLinearAndElementwiseAfterFlattenIsRejected() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(1, 3, 4, 4));
        x = b.layer("flatten", "flatten").apply(x);
        Value a = b.layer("linear", "fc").attr("out_features", 4).apply(x);
        x = b.layer("layer_norm", "norm").attr("normalized_shape", 4).apply(a);
        Graph g = b.build(x);
        assertThatThrownBy(() -> FcnConverter.convert(g, Initializers.initialize(g, 1), 4, 4))
                .isInstanceOf(DetectionException.class).hasMessageContaining("node 'norm' (layer_norm)");
    }
}
