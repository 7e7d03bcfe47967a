package dev.strix.detection.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;
import dev.strix.detection.DetectionException;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class NmsTest {
    // Box 0 (0,0,10,10) s .9 class 0; box 1 (1,0,11,10) s .8 class 0, IoU with 0 = 90/110 = .818;
    // box 2 (5,5,15,15) s .7 class 0, IoU with 0 = 25/175 = .143; box 3 (1,0,11,10) s .6 class 1 (same place as 1).
    static final float[] BOXES = {0, 0, 10, 10, 1, 0, 11, 10, 5, 5, 15, 15, 1, 0, 11, 10};
    static final float[] SCORES = {0.9f, 0.8f, 0.7f, 0.6f};
    static final int[] CLASSES = {0, 0, 0, 1};

    private static NmsResult run(NmsOptions o) {
        return Nms.suppress(Candidates.of(BOXES, SCORES, CLASSES), o);
    }

    private static NmsOptions base() {
        return NmsOptions.defaults().withScoreThreshold(0).withIouThreshold(0.5);
    }

    @Test
    void greedyClassAwareKeepsOtherClasses() {
        // Class 0: 0 kept, 1 suppressed (.818 > .5), 2 kept (.143). Class 1: 3 kept.
        NmsResult r = run(base());
        assertThat(r.indices()).containsExactly(0, 2, 3);
        assertThat(r.scores()).containsExactly(0.9f, 0.7f, 0.6f);
    }

    @Test
    void greedyClassAgnosticSuppressesAcrossClasses() {
        assertThat(run(base().withClassAware(false)).indices()).containsExactly(0, 2);
        // At IoU threshold .1, box 2 (.143) is suppressed too.
        assertThat(run(base().withClassAware(false).withIouThreshold(0.1)).indices()).containsExactly(0);
        // At threshold 1 nothing can be suppressed.
        assertThat(run(base().withIouThreshold(1)).indices()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void scoreThresholdIsStrict() {
        assertThat(run(base().withScoreThreshold(0.7)).indices()).containsExactly(0);
        assertThat(run(base().withScoreThreshold(0.69)).indices()).containsExactly(0, 2);
    }

    @Test
    void topKPerClassAndOverall() {
        assertThat(run(base().withMaxPerClass(1)).indices()).containsExactly(0, 3);
        assertThat(run(base().withMaxDetections(2)).indices()).containsExactly(0, 2);
        assertThat(run(base().withIouThreshold(1).withMaxPerClass(2).withMaxDetections(3)).indices())
                .containsExactly(0, 1, 3);
    }

    @Test
    void softLinearDecaysOverlaps() {
        // Class 0: keep 0 (.9). Box 1: IoU .818 > .5 → .8·(1 − 90/110) = .8·(20/110) = .14545; box 2: IoU .143
        // ≤ .5, stays .7. Next best: 2 (.7); IoU(2,1) = 30/170 → not above .5, stays .14545. Then 1.
        NmsResult r = run(base().withMethod(NmsMethod.SOFT_LINEAR));
        assertThat(r.indices()).containsExactly(0, 2, 3, 1);
        assertThat(r.scores()[3]).isCloseTo(0.8f * 20f / 110f, within(1e-6f));
        assertThat(r.scores()[1]).isEqualTo(0.7f);
        // With a score threshold of .2 the decayed box 1 drops out.
        assertThat(run(base().withMethod(NmsMethod.SOFT_LINEAR).withScoreThreshold(0.2)).indices())
                .containsExactly(0, 2, 3);
    }

    @Test
    void softGaussianDecaysEveryOverlap() {
        // σ = .5. Keep 0. Box 1: .8·exp(−(90/110)²/.5); box 2: .7·exp(−(25/175)²/.5) = .7·exp(−.040816) = .67200.
        // Box 2 is next; it then decays box 1 again by exp(−(30/170)²/.5).
        NmsResult r = run(base().withMethod(NmsMethod.SOFT_GAUSSIAN).withSigma(0.5));
        assertThat(r.indices()).containsExactly(0, 2, 3, 1);
        double s2 = 0.7 * Math.exp(-Math.pow(25.0 / 175, 2) / 0.5);
        double s1 = 0.8 * Math.exp(-Math.pow(90.0 / 110, 2) / 0.5) * Math.exp(-Math.pow(30.0 / 170, 2) / 0.5);
        assertThat(r.scores()[1]).isCloseTo((float) s2, within(1e-6f));
        assertThat(r.scores()[3]).isCloseTo((float) s1, within(1e-6f));
    }

    @Test
    void matchesTorchvisionNmsAndBatchedNms() throws Exception {
        Weights g = Weights.read(Paths.get(getClass().getResource("/golden/nms.safetensors").toURI()));
        float[] boxes = g.get("boxes").data();
        float[] scores = g.get("scores").data();
        float[] cls = g.get("classes").data();
        int[] classes = new int[cls.length];
        for (int i = 0; i < cls.length; i++) {
            classes[i] = (int) cls[i];
        }
        Candidates c = Candidates.of(boxes, scores, classes);
        NmsOptions o = NmsOptions.defaults().withScoreThreshold(0);
        assertThat(Nms.suppress(c, o.withIouThreshold(0.5).withClassAware(false)).indices())
                .containsExactly(ints(g.get("nms_agnostic_0.5")));
        assertThat(Nms.suppress(c, o.withIouThreshold(0.5)).indices()).containsExactly(ints(g.get("nms_aware_0.5")));
        assertThat(Nms.suppress(c, o.withIouThreshold(0.3)).indices()).containsExactly(ints(g.get("nms_aware_0.3")));
    }

    private static int[] ints(Tensor t) {
        int[] r = new int[t.data().length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) t.data()[i];
        }
        return r;
    }

    @Test
    void emptyInputGivesEmptyResult() {
        assertThat(Nms.suppress(Candidates.of(new float[0], new float[0], new int[0]), base()).size()).isZero();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Candidates.of(BOXES, new float[] {0.9f, Float.NaN, 0.1f, 0.2f}, CLASSES))
                .isInstanceOf(DetectionException.class).hasMessageContaining("NaN at index 1");
        float[] inf = BOXES.clone();
        inf[6] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> Candidates.of(inf, SCORES, CLASSES)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("box 1").hasMessageContaining("Infinity");
        float[] reversed = BOXES.clone();
        reversed[8] = 20;
        assertThatThrownBy(() -> Candidates.of(reversed, SCORES, CLASSES)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("box 2").hasMessageContaining("x2 < x1");
        assertThatThrownBy(() -> Candidates.of(BOXES, SCORES, new int[] {0, 0, -1, 0}))
                .isInstanceOf(DetectionException.class).hasMessageContaining("negative class");
        assertThatThrownBy(() -> Candidates.of(new float[5], SCORES, CLASSES)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("4 coordinates per score");
        assertThatThrownBy(() -> base().withIouThreshold(1.5)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("IoU threshold must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> base().withScoreThreshold(-0.1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("score threshold must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> base().withScoreThreshold(Double.NaN)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> base().withMaxPerClass(0)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("per class");
    }
}
