package dev.strix.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Tensor;
import dev.strix.detection.box.Box;
import dev.strix.detection.head.YoloExportDecoder;
import dev.strix.detection.image.Letterbox;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.nms.NmsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static Detector squareDetector() {
        return Detector.builder().graph(TestModels.squareFinder()).weights(TestModels.squareFinderWeights())
                .head(TestModels.squareDecoder()).classNames(List.of("red", "blue")).backend("reference").build();
    }

    @Test
    void findsTheSquaresOnTheReferenceBackend() {
        // 640×480 letterboxed into 64×64: scale .1, 64×48, 8 rows of grey above. The red square lands on cell
        // (2, 3), the blue one on (5, 4); each cell's box is 8×8 input pixels, i.e. 80×80 image pixels.
        // Score σ(10) · σ(10) = .999909.
        try (Detector d = squareDetector()) {
            List<Detection> found = d.detect(TestModels.squares());
            assertThat(found).hasSize(2);
            Detection red = found.get(0);
            assertThat(red.className()).isEqualTo("red");
            assertThat(red.classIndex()).isZero();
            assertThat(red.score()).isCloseTo(0.999909, within(1e-5));
            assertBox(red.box(), 160, 160, 240, 240);
            assertBox(red.normalizedBox(), 0.25, 1.0 / 3, 0.375, 0.5);
            Detection blue = found.get(1);
            assertThat(blue.className()).isEqualTo("blue");
            assertBox(blue.box(), 400, 240, 480, 320);
            assertThat(found).isUnmodifiable();
        }
    }

    private static void assertBox(Box b, double x1, double y1, double x2, double y2) {
        assertThat(b.x1()).isCloseTo(x1, within(1e-3));
        assertThat(b.y1()).isCloseTo(y1, within(1e-3));
        assertThat(b.x2()).isCloseTo(x2, within(1e-3));
        assertThat(b.y2()).isCloseTo(y2, within(1e-3));
    }

    @Test
    void aModelWithoutTheChosenHeadFailsAtBuild() {
        // Default head: a YOLOv5/v8 export, [1, N, 5+C] or [1, 4+C, N]; this model outputs [1, 7, 8, 8].
        assertThatThrownBy(() -> Detector.builder().graph(TestModels.squareFinder())
                .weights(TestModels.squareFinderWeights()).classNames(List.of("red", "blue")).backend("reference")
                .build()).isInstanceOf(DetectionException.class).hasMessageContaining("[[1, 7, 8, 8]]")
                .hasMessageContaining("not a yolo export head");
    }

    @Test
    void thresholdsOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> Detector.builder().scoreThreshold(1.5)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("score threshold must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Detector.builder().iouThreshold(-0.2)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("IoU threshold must be in [0, 1], got -0.2");
    }

    @Test
    void translatorDecodesARawYoloV5AndYoloV8OutputDirectly() {
        // 1280×960 letterboxed into 640×640: scale .5, 640×480, 80 rows of padding above.
        Letterbox lb = Letterbox.fit(1280, 960, 640, 640, true);
        Tensor v5 = Tensor.zeros(1, 25200, 85);
        int row = 100 * 85;
        float[] v = v5.data();
        v[row] = 320;
        v[row + 1] = 320;
        v[row + 2] = 64;
        v[row + 3] = 48;
        v[row + 4] = 0.9f;
        v[row + 5 + 16] = 0.95f;
        YoloTranslator t = new YoloTranslator(new YoloExportDecoder(YoloExportDecoder.Layout.AUTO, 0), 640, 640,
                Normalization.NONE, NmsOptions.defaults(), ClassNames.none());
        List<Detection> found = t.process(v5, lb);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).className()).isEqualTo("class 16");
        assertThat(found.get(0).score()).isCloseTo(0.855, within(1e-6));
        // x: (288, 352) / .5 = (576, 704); y: (296 − 80, 344 − 80) / .5 = (432, 528).
        assertBox(found.get(0).box(), 576, 432, 704, 528);

        Tensor v8 = Tensor.zeros(1, 84, 8400);
        float[] w = v8.data();
        int col = 7;
        w[col] = 320;
        w[8400 + col] = 320;
        w[2 * 8400 + col] = 64;
        w[3 * 8400 + col] = 48;
        w[(4 + 2) * 8400 + col] = 0.7f;
        List<Detection> found8 = t.process(v8, lb);
        assertThat(found8).hasSize(1);
        assertThat(found8.get(0).classIndex()).isEqualTo(2);
        assertThat(found8.get(0).score()).isCloseTo(0.7, within(1e-6));
        assertBox(found8.get(0).box(), 576, 432, 704, 528);
    }

    @Test
    void prepareLetterboxesIntoTheModelInput() {
        YoloTranslator t = new YoloTranslator(TestModels.squareDecoder(), 64, 64, Normalization.NONE,
                NmsOptions.defaults(), ClassNames.none());
        YoloTranslator.Prepared p = t.prepare(TestModels.squares());
        assertThat(p.input().shape().toArray()).containsExactly(1, 3, 64, 64);
        assertThat(p.letterbox()).isEqualTo(new Letterbox(640, 480, 64, 64, 64, 48, 0, 8));
        assertThat(p.input().get(0, 0, 0, 0)).isEqualTo(Letterbox.YOLO_GREY);
        assertThat(p.input().get(0, 0, 8 + 20, 20)).isEqualTo(1f); // red square: R = 1
        assertThat(p.input().get(0, 1, 8 + 20, 20)).isEqualTo(0f); // G = 0
    }
}
