package dev.strix.detection.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Tensor;
import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import dev.strix.detection.image.Letterbox;
import dev.strix.detection.nms.Candidates;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadDecodersTest {

    private static void assertBox(Candidates c, int i, double x1, double y1, double x2, double y2) {
        Box b = c.box(i);
        assertThat(b.x1()).isCloseTo(x1, within(1e-4));
        assertThat(b.y1()).isCloseTo(y1, within(1e-4));
        assertThat(b.x2()).isCloseTo(x2, within(1e-4));
        assertThat(b.y2()).isCloseTo(y2, within(1e-4));
    }

    @Test
    void localizationHeadDecodesTheSingleObject() {
        // p_c .9, centre (.5, .25), b_h .2, b_w .4; classes .1 .7 .2 → class 1, score .63. Input 200×100:
        // centre (100, 25), size 80×20 → (60, 15, 140, 35).
        LocalizationHead head = new LocalizationHead(3, false, 0.5);
        Tensor out = Tensor.of(new float[] {0.9f, 0.5f, 0.25f, 0.2f, 0.4f, 0.1f, 0.7f, 0.2f}, 1, 8);
        Candidates c = head.decode(out, 200, 100, 0.25);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.classOf(0)).isEqualTo(1);
        assertThat(c.score(0)).isCloseTo(0.63f, within(1e-6f));
        assertBox(c, 0, 60, 15, 140, 35);
        // No object: p_c .4 under the .5 threshold.
        Tensor none = Tensor.of(new float[] {0.4f, 0.5f, 0.25f, 0.2f, 0.4f, 0.1f, 0.7f, 0.2f}, 1, 8);
        assertThat(head.decode(none, 200, 100, 0.25).size()).isZero();
    }

    @Test
    void localizationHeadAppliesSigmoidAndSoftmaxToLogits() {
        // σ(2) = .880797; softmax(1, 2, 3)[2] = e³/(e + e² + e³) = .665241; score = .585949.
        LocalizationHead head = new LocalizationHead(3, true, 0.5);
        Tensor out = Tensor.of(new float[] {2, 0.5f, 0.5f, 0.5f, 0.5f, 1, 2, 3}, 8);
        Candidates c = head.decode(out, 10, 10, 0);
        assertThat(c.classOf(0)).isEqualTo(2);
        assertThat(c.score(0)).isCloseTo(0.585949f, within(1e-5f));
        assertThatThrownBy(() -> head.decode(Tensor.zeros(1, 9), 10, 10, 0)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("expects 5 + 3 = 8 values").hasMessageContaining("[1, 9]");
    }

    /** S = 2, B = 2, C = 3: cell 3 (row 1, col 1), box 1 holds the object. */
    private static float[] yoloV1(YoloV1Decoder.Layout layout) {
        int s = 2;
        int b = 2;
        int c = 3;
        float[] v = new float[s * s * (b * 5 + c)];
        float[] classes = {0.1f, 0.7f, 0.2f};
        float[] coords = {0.5f, 0.25f, 0.5f, 0.6f};
        int cell = 3;
        if (layout == YoloV1Decoder.Layout.DARKNET) {
            System.arraycopy(classes, 0, v, cell * c, c); // class block: 12 values
            v[s * s * c + cell * b + 1] = 0.8f; // confidence block: 8 values
            System.arraycopy(coords, 0, v, s * s * (c + b) + (cell * b + 1) * 4, 4); // coordinates: 32 values
        } else {
            int base = cell * (b * 5 + c);
            System.arraycopy(coords, 0, v, base + 5, 4);
            v[base + 5 + 4] = 0.8f;
            System.arraycopy(classes, 0, v, base + b * 5, c);
        }
        return v;
    }

    @Test
    void yoloV1DecodesDarknetAndCellLayouts() {
        // Box: x = (.5 + col 1)/2 · 100 = 75, y = (.25 + row 1)/2 · 200 = 125, w = .5² · 100 = 25,
        // h = .6² · 200 = 72 → (62.5, 89, 87.5, 161); score .8 · .7 = .56, class 1.
        for (YoloV1Decoder.Layout layout : YoloV1Decoder.Layout.values()) {
            YoloV1Decoder d = new YoloV1Decoder(2, 2, 3, layout, true);
            Candidates c = d.decode(Tensor.of(yoloV1(layout), 1, 52), 100, 200, 0.2);
            assertThat(c.size()).as(layout.name()).isEqualTo(1);
            assertThat(c.classOf(0)).isEqualTo(1);
            assertThat(c.score(0)).isCloseTo(0.56f, within(1e-6f));
            assertBox(c, 0, 62.5, 89, 87.5, 161);
        }
        assertThat(YoloV1Decoder.voc().decode(Tensor.zeros(1, 1470), 448, 448, 0.2).size()).isZero();
        assertThatThrownBy(() -> YoloV1Decoder.voc().decode(Tensor.zeros(1, 1471), 448, 448, 0.2))
                .isInstanceOf(DetectionException.class).hasMessageContaining("7×7×30 = 1470").hasMessageContaining("[1, 1471]");
    }

    /** One scale, grid 2×2, one anchor, 2 classes; only cell (gx 1, gy 0) has an object. */
    private static Tensor anchorOutput(float tw) {
        int plane = 4;
        float[] v = new float[7 * plane];
        java.util.Arrays.fill(v, 4 * plane, 5 * plane, -10f); // objectness logits: σ(−10) ≈ 4.5e−5
        int loc = 1; // gy 0, gx 1
        v[loc] = 0; // tx → σ = .5
        v[plane + loc] = 0; // ty
        v[2 * plane + loc] = tw; // tw
        v[3 * plane + loc] = 0; // th
        v[4 * plane + loc] = (float) Math.log(4); // σ = .8
        v[5 * plane + loc] = -2;
        v[6 * plane + loc] = (float) Math.log(9); // σ = .9
        return Tensor.of(v, 1, 7, 2, 2);
    }

    @Test
    void yoloV3AnchorsInPixelsWithSigmoidClasses() {
        // Anchor (10, 20) px: w = 10·e^{ln 2} = 20, h = 20; centre ((.5 + 1)/2 · 64, (.5 + 0)/2 · 64) = (48, 16)
        // → (38, 6, 58, 26); score .8 · .9 = .72, class 1.
        AnchorDecoder d = new AnchorDecoder(List.of(new float[] {10, 20}), 2, true,
                AnchorDecoder.ClassActivation.SIGMOID);
        Candidates c = d.decode(anchorOutput((float) Math.log(2)), 64, 64, 0.25);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.score(0)).isCloseTo(0.72f, within(1e-5f));
        assertThat(c.classOf(0)).isEqualTo(1);
        assertBox(c, 0, 38, 6, 58, 26);
    }

    @Test
    void yoloV2AnchorsInGridCellsWithSoftmax() {
        // Anchor (1, 2) cells of 32 px: w = 32, h = 64 → centre (48, 16) → (32, −16, 64, 48).
        // Softmax(−2, ln 9) = 9/(9 + e^−2) = .985190; score .8 · .985190 = .788152.
        AnchorDecoder d = new AnchorDecoder(List.of(new float[] {1, 2}), 2, false,
                AnchorDecoder.ClassActivation.SOFTMAX);
        Candidates c = d.decode(anchorOutput(0), 64, 64, 0.25);
        assertThat(c.score(0)).isCloseTo(0.788152f, within(1e-5f));
        assertBox(c, 0, 32, -16, 64, 48);
    }

    @Test
    void severalScalesDecodeTogether() {
        // Second scale: 1×1 grid, anchor (30, 30) px, objectness σ(0) = .5, classes σ(0) = .5 each → .25 > .2.
        Tensor second = Tensor.zeros(1, 7, 1, 1);
        AnchorDecoder d = new AnchorDecoder(List.of(new float[] {10, 20}, new float[] {30, 30}), 2, true,
                AnchorDecoder.ClassActivation.SIGMOID);
        Candidates c = d.decode(List.of(anchorOutput(0), second), 64, 64, 0.2);
        assertThat(c.size()).isEqualTo(2);
        assertBox(c, 1, 17, 17, 47, 47);
        assertThatThrownBy(() -> d.decode(List.of(anchorOutput(0)), 64, 64, 0.2))
                .isInstanceOf(DetectionException.class).hasMessageContaining("2 scales").hasMessageContaining("1 outputs");
        assertThatThrownBy(() -> AnchorDecoder.yolov3Coco().decode(
                List.of(Tensor.zeros(1, 255, 13, 13), Tensor.zeros(1, 255, 26, 26), Tensor.zeros(1, 254, 52, 52)),
                416, 416, 0.25)).isInstanceOf(DetectionException.class).hasMessageContaining("scale 2")
                .hasMessageContaining("[1, 254, 52, 52]");
    }

    static Tensor yoloV5Rows() {
        return Tensor.of(new float[] {
            10, 20, 4, 6, 0.9f, 0.2f, 0.8f, // score .72, class 1 → (8, 17, 12, 23)
            30, 30, 10, 10, 0.1f, 0.9f, 0.9f, // objectness .1: out
            50, 40, 20, 10, 0.6f, 0.5f, 0.3f // score .3, class 0 → (40, 35, 60, 45)
        }, 1, 3, 7);
    }

    @Test
    void yoloV5RowsScoreObjectnessTimesClass() {
        Candidates c = new YoloExportDecoder(YoloExportDecoder.Layout.V5, 2).decode(yoloV5Rows(), 64, 64, 0.25);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.scores()).containsExactly(new float[] {0.72f, 0.3f}, within(1e-6f));
        assertThat(c.classes()).containsExactly(1, 0);
        assertBox(c, 0, 8, 17, 12, 23);
        assertBox(c, 1, 40, 35, 60, 45);
    }

    @Test
    void yoloV8ColumnsScoreTheBestClass() {
        // Columns: (10,20,4,6 | .2,.8), (30,30,10,10 | .1,.05), (50,40,20,10 | .5,.3).
        Tensor t = Tensor.of(new float[] {
            10, 30, 50, 20, 30, 40, 4, 10, 20, 6, 10, 10, 0.2f, 0.1f, 0.5f, 0.8f, 0.05f, 0.3f}, 1, 6, 3);
        Candidates c = new YoloExportDecoder(YoloExportDecoder.Layout.V8, 2).decode(t, 64, 64, 0.25);
        assertThat(c.scores()).containsExactly(0.8f, 0.5f);
        assertThat(c.classes()).containsExactly(1, 0);
        assertBox(c, 1, 40, 35, 60, 45);
    }

    @Test
    void autoLayoutAcceptsYoloV5AndYoloV8ExportsDirectly() {
        YoloExportDecoder auto = new YoloExportDecoder(YoloExportDecoder.Layout.AUTO, 0);
        assertThat(auto.resolve(dev.strix.api.Shape.of(1, 25200, 85))).isEqualTo(YoloExportDecoder.Layout.V5);
        assertThat(auto.resolve(dev.strix.api.Shape.of(1, 84, 8400))).isEqualTo(YoloExportDecoder.Layout.V8);
        YoloExportDecoder coco = new YoloExportDecoder(YoloExportDecoder.Layout.AUTO, 80);
        assertThat(coco.resolve(dev.strix.api.Shape.of(1, 25200, 85))).isEqualTo(YoloExportDecoder.Layout.V5);
        assertThat(coco.resolve(dev.strix.api.Shape.of(1, 84, 8400))).isEqualTo(YoloExportDecoder.Layout.V8);
        assertThat(coco.decode(Tensor.zeros(1, 84, 8400), 640, 640, 0.25).size()).isZero();
        // Without C, the longer dimension is taken for the candidates: 3 × 7 would be YOLOv8 with 3 values per
        // candidate, too few for a box and one class.
        assertThatThrownBy(() -> auto.decode(yoloV5Rows(), 64, 64, 0.25)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("[1, 4+C, N] (YOLOv8) with C ≥ 1, got [1, 3, 7]");
    }

    @Test
    void outputsThatCannotBeTheHeadAreRejected() {
        YoloExportDecoder v5 = new YoloExportDecoder(YoloExportDecoder.Layout.V5, 80);
        assertThatThrownBy(() -> v5.decode(Tensor.zeros(1, 84, 8400), 640, 640, 0.25))
                .isInstanceOf(DetectionException.class).hasMessageContaining("[1, N, 5+C] (YOLOv5) with C = 80")
                .hasMessageContaining("looks like a YOLOv8 output");
        assertThatThrownBy(() -> new YoloExportDecoder(YoloExportDecoder.Layout.V5, 0)
                .decode(Tensor.zeros(1, 84, 8400), 640, 640, 0.25)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("looks like a YOLOv8 output");
        assertThatThrownBy(() -> v5.decode(Tensor.zeros(1, 1000), 640, 640, 0.25))
                .isInstanceOf(DetectionException.class).hasMessageContaining("[1, 1000]");
        assertThatThrownBy(() -> new YoloExportDecoder(YoloExportDecoder.Layout.AUTO, 80)
                .decode(Tensor.zeros(1, 100, 100), 640, 640, 0.25)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("80 classes");
        Tensor nan = yoloV5Rows().copy();
        nan.data()[9] = Float.NaN;
        assertThatThrownBy(() -> v5.decode(nan, 64, 64, 0.25)).isInstanceOf(DetectionException.class);
        assertThatThrownBy(() -> new YoloExportDecoder(YoloExportDecoder.Layout.V5, 2).decode(nan, 64, 64, 0.25))
                .isInstanceOf(DetectionException.class).hasMessageContaining("non-finite value NaN at index 9");
        Tensor negative = yoloV5Rows().copy();
        negative.data()[2] = -4;
        assertThatThrownBy(() -> new YoloExportDecoder(YoloExportDecoder.Layout.V5, 2).decode(negative, 64, 64, 0.25))
                .isInstanceOf(DetectionException.class).hasMessageContaining("row 0 has a negative box size");
        assertThatThrownBy(() -> new YoloExportDecoder(YoloExportDecoder.Layout.V5, 2).decode(yoloV5Rows(), 64, 64, 2))
                .isInstanceOf(DetectionException.class).hasMessageContaining("score threshold must be in [0, 1], got 2");
    }

    @Test
    void letterboxedBoxesMapBackToTheImage() {
        // 640×480 letterboxed into 320×320: scale .5, 40 rows of padding on top.
        Letterbox lb = Letterbox.fit(640, 480, 320, 320, true);
        Candidates onInput = Candidates.of(new float[] {10, 40, 110, 140, 300, 250, 330, 300}, new float[] {0.9f, 0.5f},
                new int[] {3, 4});
        Candidates mapped = BoxMapping.fromLetterbox(onInput, lb);
        assertBox(mapped, 0, 20, 0, 220, 200);
        // (600, 420, 660 → clipped 640, 520 → clipped 480)
        assertBox(mapped, 1, 600, 420, 640, 480);
        assertThat(mapped.classes()).containsExactly(3, 4);
        Candidates stretched = BoxMapping.fromStretched(onInput, 320, 320, 640, 480);
        assertBox(stretched, 0, 20, 60, 220, 210);
    }
}
