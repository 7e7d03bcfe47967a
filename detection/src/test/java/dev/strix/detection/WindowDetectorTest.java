package dev.strix.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.detection.box.Box;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.window.WindowOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window and FCN methods end to end on the reference backend with a hand-weighted red classifier. Windows
 * every 4 px: the one exactly on the square scores softmax(0, 10)[1] = .999955; the four shifted by 4 px hold 80%
 * red (logit 6, .997527) and overlap it by IoU 320/480 = .667 > .45, so suppression removes them; diagonal ones
 * (64% red, logit 2.8, .942676) fall under the .99 score threshold.
 */
class WindowDetectorTest {

    private static Detector detector(Method m) {
        return Detector.builder().graph(TestModels.redClassifier()).weights(TestModels.redClassifierWeights())
                .method(m).classNames(List.of("background", "red")).backend("reference")
                .normalization(Normalization.NONE).scoreThreshold(0.99).iouThreshold(0.45)
                .window(WindowOptions.stride(4).withBackgroundClass(0)).windowBatch(8).build();
    }

    @Test
    void slidingWindowFindsTheSquare() {
        try (Detector d = detector(Method.WINDOW)) {
            List<Detection> found = d.detect(TestModels.redSquare());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).className()).isEqualTo("red");
            assertThat(found.get(0).score()).isCloseTo(0.999955, within(1e-6));
            assertThat(found.get(0).box()).isEqualTo(Box.xyxy(40, 20, 60, 40));
            assertThat(d.method()).isEqualTo(Method.WINDOW);
        }
    }

    @Test
    void objectnessThresholdDropsWindowsTheBackgroundMayOwn() {
        // Two classes: objectness = 1 − P(background) = P(red) = .999955 on the square, under a .99996 cut.
        try (Detector d = Detector.builder().graph(TestModels.redClassifier()).weights(TestModels.redClassifierWeights())
                .method(Method.WINDOW).backend("reference").normalization(Normalization.NONE).scoreThreshold(0.99)
                .window(WindowOptions.stride(4).withBackgroundClass(0).withObjectnessThreshold(0.99996)).build()) {
            assertThat(d.detect(TestModels.redSquare())).isEmpty();
        }
    }

    @Test
    void fcnFindsTheSameSquare() {
        try (Detector fcn = detector(Method.FCN); Detector window = detector(Method.WINDOW)) {
            List<Detection> a = fcn.detect(TestModels.redSquare());
            List<Detection> b = window.detect(TestModels.redSquare());
            assertThat(a).hasSize(1);
            assertThat(a.get(0).box()).isEqualTo(b.get(0).box());
            assertThat(a.get(0).score()).isCloseTo(b.get(0).score(), within(1e-6));
        }
    }

    @Test
    void aClassifierThatCannotBeConvertedFailsAtBuild() {
        // The detection head model has no flatten: FCN conversion refuses it when the detector is built.
        assertThatThrownBy(() -> Detector.builder().graph(TestModels.squareFinder())
                .weights(TestModels.squareFinderWeights()).method(Method.FCN).backend("reference").build())
                .isInstanceOf(DetectionException.class).hasMessageContaining("FCN detection needs a classifier");
        assertThatThrownBy(() -> Method.parse("grid")).isInstanceOf(DetectionException.class)
                .hasMessageContaining("'grid'").hasMessageContaining("yolo, fcn, window");
        assertThat(Method.parse("FCN")).isEqualTo(Method.FCN);
    }

    @Test
    void buildsARegistryModelByName() {
        // LeNet-5 for 3×32×32 (stride 4) over a 40×36 image: 3 × 2 windows, all kept with score 0 and IoU 1.
        dev.strix.api.spi.ModelOptions o = dev.strix.api.spi.ModelOptions.defaults()
                .withInput(dev.strix.api.Shape.of(3, 32, 32));
        Detector.Builder b = Detector.builder().model("lenet5", o).method(Method.FCN).backend("reference")
                .scoreThreshold(0).iouThreshold(1).window(WindowOptions.stride(4));
        b.weights(dev.strix.api.weights.Initializers.initialize(
                dev.strix.api.Strix.registry().model("lenet5", o), 1));
        try (Detector d = b.build()) {
            List<Detection> found = d.detect(new java.awt.image.BufferedImage(40, 36,
                    java.awt.image.BufferedImage.TYPE_INT_RGB));
            assertThat(found).hasSize(6);
            assertThat(found).allSatisfy(x -> {
                assertThat(x.box().width()).isEqualTo(32.0);
                assertThat(x.box().height()).isEqualTo(32.0);
                assertThat(x.box().x1() % 4).isZero();
            });
        }
    }
}
