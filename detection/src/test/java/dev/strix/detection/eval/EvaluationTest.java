package dev.strix.detection.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on fixtures whose answers are worked out by hand in the comments. */
class EvaluationTest {
    private static final double EPS = 1e-12;

    /*
     * Fixture A — class 0, image "a", three objects G1 (0,0,10,10), G2 (20,0,30,10), G3 (40,0,50,10).
     *   p1 .9 exactly on G1          → TP
     *   p2 .8 at (100,100,110,110)   → FP (no overlap)
     *   p3 .7 exactly on G2          → TP
     *   p4 .6 exactly on G1 again    → FP (G1 already claimed)
     *   p5 .5 at (42,0,52,10) on G3  → IoU 80/120 = 2/3: TP at IoU ≤ .65, FP from .70 up
     * At IoU .5: TP 1 1 2 2 3, FP 0 1 1 2 2; recall 1/3 1/3 2/3 2/3 1; precision 1 1/2 2/3 1/2 3/5.
     */
    static List<GroundTruth> truthsA() {
        return List.of(GroundTruth.of("a", 0, Box.xyxy(0, 0, 10, 10)), GroundTruth.of("a", 0, Box.xyxy(20, 0, 30, 10)),
                GroundTruth.of("a", 0, Box.xyxy(40, 0, 50, 10)));
    }

    static List<Prediction> predictionsA() {
        return List.of(new Prediction("a", 0, 0.9, Box.xyxy(0, 0, 10, 10)),
                new Prediction("a", 0, 0.8, Box.xyxy(100, 100, 110, 110)),
                new Prediction("a", 0, 0.7, Box.xyxy(20, 0, 30, 10)),
                new Prediction("a", 0, 0.6, Box.xyxy(0, 0, 10, 10)),
                new Prediction("a", 0, 0.5, Box.xyxy(42, 0, 52, 10)));
    }

    @Test
    void precisionRecallCurve() {
        PrCurve c = Evaluation.curve(truthsA(), predictionsA(), 0, 0.5, Matching.VOC, Integer.MAX_VALUE);
        assertThat(c.groundTruths()).isEqualTo(3);
        assertThat(c.scores()).containsExactly(0.9, 0.8, 0.7, 0.6, 0.5);
        assertThat(c.recall()).containsExactly(1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0);
        assertThat(c.precision()).containsExactly(1.0, 1.0 / 2, 2.0 / 3, 1.0 / 2, 3.0 / 5);
    }

    @Test
    void vocAllPoint() {
        // Envelope precision 1, 2/3, 2/3, 3/5, 3/5. Area: (1/3)·1 + (1/3)·(2/3) + (1/3)·(3/5) = 34/45.
        PrCurve c = Evaluation.curve(truthsA(), predictionsA(), 0, 0.5, Matching.VOC, Integer.MAX_VALUE);
        assertThat(ApMethod.ALL_POINT.of(c)).isCloseTo(34.0 / 45, within(EPS));
    }

    @Test
    void voc11Point() {
        // r = 0, .1, .2, .3 → best precision at recall ≥ r is 1 (4 points); r = .4, .5, .6 → 2/3 (3 points);
        // r = .7 … 1 → 3/5 (4 points). (4 + 2 + 2.4) / 11 = 8.4 / 11.
        PrCurve c = Evaluation.curve(truthsA(), predictionsA(), 0, 0.5, Matching.VOC, Integer.MAX_VALUE);
        assertThat(ApMethod.VOC_11_POINT.of(c)).isCloseTo(8.4 / 11, within(EPS));
    }

    @Test
    void coco101PointAndMapOverIouThresholds() {
        // At IoU .5: recall thresholds 0 … .33 → 1 (34 points), .34 … .66 → 2/3 (33), .67 … 1 → 3/5 (34):
        // (34 + 22 + 20.4) / 101 = 76.4 / 101.
        PrCurve c = Evaluation.curve(truthsA(), predictionsA(), 0, 0.5, Matching.COCO, 100);
        assertThat(ApMethod.COCO_101_POINT.of(c)).isCloseTo(76.4 / 101, within(EPS));
        // From IoU .70 on p5 is a FP and recall stops at 2/3: (34 + 22 + 0) / 101 = 56 / 101.
        // mAP@[.5:.95] = (4 · 76.4 + 6 · 56) / 101 / 10 = 641.6 / 1010.
        CocoResult r = Evaluation.coco(truthsA(), predictionsA());
        assertThat(r.map50().perClass().get(0)).isCloseTo(76.4 / 101, within(EPS));
        assertThat(r.map75().perClass().get(0)).isCloseTo(56.0 / 101, within(EPS));
        assertThat(r.map().mean()).isCloseTo(641.6 / 1010, within(EPS));
    }

    /*
     * Fixture B — class 1 over two images. Image "a": H1 (0,0,10,10) difficult, H2 (50,50,60,60); image "b":
     * H3 (0,0,20,20). Counted objects: 2.
     *   q1 .95 on H1 (image a)        → ignored (difficult)
     *   q2 .9  on H3 (image b)        → TP
     *   q4 .6  at (30,30,40,40) in a  → FP
     *   q3 .3  on H2 (image a)        → TP
     *   q5 .2  on H3 but in image a   → FP (boxes only match within their image)
     * Recall .5 .5 1 1; precision 1 .5 2/3 1/2.
     * All-point: .5·1 + .5·(2/3) = 5/6. 11-point: r ≤ .5 → 1 (6 points), r ≥ .6 → 2/3 (5): (6 + 10/3)/11 = 28/33.
     */
    static List<GroundTruth> truthsB() {
        return List.of(new GroundTruth("a", 1, Box.xyxy(0, 0, 10, 10), true),
                GroundTruth.of("a", 1, Box.xyxy(50, 50, 60, 60)), GroundTruth.of("b", 1, Box.xyxy(0, 0, 20, 20)));
    }

    static List<Prediction> predictionsB() {
        return List.of(new Prediction("a", 1, 0.95, Box.xyxy(0, 0, 10, 10)),
                new Prediction("b", 1, 0.9, Box.xyxy(0, 0, 20, 20)),
                new Prediction("a", 1, 0.3, Box.xyxy(50, 50, 60, 60)),
                new Prediction("a", 1, 0.6, Box.xyxy(30, 30, 40, 40)),
                new Prediction("a", 1, 0.2, Box.xyxy(0, 0, 20, 20)));
    }

    @Test
    void difficultObjectsAndSeveralImages() {
        PrCurve c = Evaluation.curve(truthsB(), predictionsB(), 1, 0.5, Matching.VOC, Integer.MAX_VALUE);
        assertThat(c.groundTruths()).isEqualTo(2);
        assertThat(c.recall()).containsExactly(0.5, 0.5, 1.0, 1.0);
        assertThat(c.precision()).containsExactly(1.0, 0.5, 2.0 / 3, 0.5);
        assertThat(ApMethod.ALL_POINT.of(c)).isCloseTo(5.0 / 6, within(EPS));
        assertThat(ApMethod.VOC_11_POINT.of(c)).isCloseTo(28.0 / 33, within(EPS));
    }

    @Test
    void meanOverClassesSkipsClassesWithoutTruth() {
        List<GroundTruth> truths = new ArrayList<>(truthsA());
        truths.addAll(truthsB());
        List<Prediction> preds = new ArrayList<>(predictionsA());
        preds.addAll(predictionsB());
        preds.add(new Prediction("a", 7, 0.99, Box.xyxy(0, 0, 5, 5))); // class 7 has no objects: no AP
        ApResult r = Evaluation.voc(truths, preds, 0.5, ApMethod.ALL_POINT);
        assertThat(r.perClass()).containsOnlyKeys(0, 1);
        // (34/45 + 5/6) / 2 = (68 + 75) / 180.
        assertThat(r.mean()).isCloseTo(143.0 / 180, within(EPS));
    }

    @Test
    void vocThresholdIsStrictCocoIsNot() {
        // (0,0,20,10) against (0,0,20,20): IoU exactly 200/400 = .5. VOC needs > .5, COCO ≥ .5.
        List<GroundTruth> t = List.of(GroundTruth.of("a", 0, Box.xyxy(0, 0, 20, 20)));
        List<Prediction> p = List.of(new Prediction("a", 0, 0.9, Box.xyxy(0, 0, 20, 10)));
        assertThat(Evaluation.curve(t, p, 0, 0.5, Matching.VOC, 100).recall()).containsExactly(0.0);
        assertThat(Evaluation.curve(t, p, 0, 0.5, Matching.COCO, 100).recall()).containsExactly(1.0);
    }

    @Test
    void cocoMatchesTheBestUnclaimedObjectVocTheBestOverall() {
        // Objects X (0,0,10,10) and Y (0,0,10,8). First prediction on X exactly claims X. Second at (0,0,10,9):
        // IoU with X = .9, with Y = 80/90 = .889. VOC takes X (best overall, already claimed) → FP;
        // COCO takes Y (best unclaimed) → TP.
        List<GroundTruth> t = List.of(GroundTruth.of("a", 0, Box.xyxy(0, 0, 10, 10)),
                GroundTruth.of("a", 0, Box.xyxy(0, 0, 10, 8)));
        List<Prediction> p = List.of(new Prediction("a", 0, 0.9, Box.xyxy(0, 0, 10, 10)),
                new Prediction("a", 0, 0.8, Box.xyxy(0, 0, 10, 9)));
        assertThat(Evaluation.curve(t, p, 0, 0.5, Matching.VOC, 100).precision()).containsExactly(1.0, 0.5);
        assertThat(Evaluation.curve(t, p, 0, 0.5, Matching.COCO, 100).precision()).containsExactly(1.0, 1.0);
    }

    @Test
    void cocoCapsPredictionsPerImage() {
        // Two predictions, cap 1: only the higher-scoring (a FP) counts, so recall stays 0.
        List<GroundTruth> t = List.of(GroundTruth.of("a", 0, Box.xyxy(0, 0, 10, 10)));
        List<Prediction> p = List.of(new Prediction("a", 0, 0.9, Box.xyxy(50, 50, 60, 60)),
                new Prediction("a", 0, 0.8, Box.xyxy(0, 0, 10, 10)));
        assertThat(Evaluation.curve(t, p, 0, 0.5, Matching.COCO, 1).recall()).containsExactly(0.0);
    }

    @Test
    void noPredictionsGiveZeroAp() {
        PrCurve c = Evaluation.curve(truthsA(), List.of(), 0, 0.5, Matching.VOC, 100);
        assertThat(c.size()).isZero();
        assertThat(ApMethod.ALL_POINT.of(c)).isZero();
        assertThat(ApMethod.VOC_11_POINT.of(c)).isZero();
        assertThat(ApMethod.COCO_101_POINT.of(c)).isZero();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> new Prediction("img7", 0, Double.NaN, Box.xyxy(0, 0, 1, 1)))
                .isInstanceOf(DetectionException.class).hasMessageContaining("img7").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Evaluation.curve(truthsA(), predictionsA(), 0, 1.2, Matching.VOC, 100))
                .isInstanceOf(DetectionException.class).hasMessageContaining("IoU threshold must be in [0, 1]");
    }
}
