package dev.strix.detection.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import dev.strix.detection.ClassNames;
import dev.strix.detection.DetectionException;
import dev.strix.detection.fcn.FcnDetector;
import dev.strix.detection.fcn.SmallNets;
import dev.strix.detection.image.Normalization;
import dev.strix.detection.nms.Candidates;
import dev.strix.detection.nms.NmsOptions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    private static Tensor image(long seed, int h, int w) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(3, h, w);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = (float) rng.nextDouble();
        }
        return t;
    }

    @Test
    void windowsAndFcnScoreTheSameWindowsAlike() {
        // Batch 3 for 5 × 7 = 35 windows: 12 runs, the last with 2 windows and one zero pad.
        Graph g = SmallNets.valid(3, 5);
        Weights w = Initializers.initialize(g, 13);
        WindowOptions o = WindowOptions.stride(4).withNormalization(Normalization.NONE).withScales(1.0, 0.5);
        NmsOptions all = NmsOptions.defaults().withScoreThreshold(0);
        Tensor img = image(3, 36, 44);
        Candidates slid;
        try (Session s = REFERENCE.compile(g, w, SessionOptions.defaults())) {
            slid = new SlidingWindowDetector(s, o, all, ClassNames.none()).candidates(img);
        }
        Candidates fcn;
        try (FcnDetector d = new FcnDetector(g, w, (graph, weights) -> REFERENCE.compile(graph, weights,
                SessionOptions.defaults()), o, all, ClassNames.none())) {
            fcn = d.candidates(img);
        }
        // Scale 1: 35 windows. Scale .5 gives 18×22, too small for a 20×20 window: none.
        assertThat(slid.size()).isEqualTo(35);
        assertThat(fcn.size()).isEqualTo(35);
        assertThat(fcn.xyxy()).containsExactly(slid.xyxy());
        assertThat(fcn.classes()).containsExactly(slid.classes());
        for (int i = 0; i < 35; i++) {
            assertThat(fcn.score(i)).isCloseTo(slid.score(i), within(1e-5f));
        }
        assertThat(slid.box(8)).isEqualTo(dev.strix.detection.box.Box.xyxy(4, 4, 24, 24)); // row 1, column 1
    }

    @Test
    void pyramidLevelsMapBackToTheImage() {
        // At scale .5 an 80×88 image is 40×44: windows every 4 px there are every 8 px here and 40 px wide.
        Graph g = SmallNets.valid(4, 5);
        Weights w = Initializers.initialize(g, 17);
        WindowOptions o = WindowOptions.stride(4).withNormalization(Normalization.NONE).withScales(0.5);
        try (Session s = REFERENCE.compile(g, w, SessionOptions.defaults())) {
            Candidates c = new SlidingWindowDetector(s, o, NmsOptions.defaults().withScoreThreshold(0),
                    ClassNames.none()).candidates(image(4, 80, 88));
            // (44 − 20)/4 + 1 = 7 columns, (40 − 20)/4 + 1 = 6 rows.
            assertThat(c.size()).isEqualTo(42);
            assertThat(c.box(0)).isEqualTo(dev.strix.detection.box.Box.xyxy(0, 0, 40, 40));
            assertThat(c.box(8)).isEqualTo(dev.strix.detection.box.Box.xyxy(8, 8, 48, 48));
        }
        // A window size of 40×40 pixels means the same thing as scale .5 for a 20×20 model.
        assertThat(WindowOptions.stride(4).withWindowSizes(List.of(new int[] {40, 40})).resizeFactors(20, 20))
                .containsExactly(new double[] {0.5, 0.5});
    }

    @Test
    void backgroundClassNeverWins() {
        ClassScores s = new ClassScores(3, 0, true);
        double[] p = new double[2];
        // Logits (5, 1, 2): background wins the softmax, but the best object class is 2 with e²/(e⁵ + e + e²);
        // the window's objectness is 1 − e⁵/(e⁵ + e + e²) = (e + e²)/(e⁵ + e + e²).
        int best = s.best(new float[] {5, 1, 2}, 0, 1, p);
        assertThat(best).isEqualTo(2);
        double sum = Math.exp(5) + Math.exp(1) + Math.exp(2);
        assertThat(p[0]).isCloseTo(Math.exp(2) / sum, within(1e-12));
        assertThat(p[1]).isCloseTo((Math.exp(1) + Math.exp(2)) / sum, within(1e-12));
        ClassScores probs = new ClassScores(3, -1, false);
        assertThat(probs.best(new float[] {0.2f, 0.7f, 0.1f}, 0, 1, p)).isEqualTo(1);
        assertThat(p[0]).isCloseTo(0.7, within(1e-6));
        assertThatThrownBy(() -> probs.best(new float[] {0.2f, Float.NaN, 0.1f}, 0, 1, p))
                .isInstanceOf(DetectionException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> new ClassScores(3, 3, true)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("background class 3");
    }

    @Test
    void aSessionThatIsNotAClassifierIsRejected() {
        // The FCN of a classifier outputs [1, 5, 1, 1], a score map rather than one row per window.
        Graph classifier = SmallNets.valid(1, 5);
        dev.strix.detection.fcn.FcnModel fcn = dev.strix.detection.fcn.FcnConverter.convert(classifier,
                Initializers.initialize(classifier, 2), 20, 20);
        try (Session s = REFERENCE.compile(fcn.graph(), fcn.weights(), SessionOptions.defaults())) {
            assertThatThrownBy(() -> new SlidingWindowDetector(s, WindowOptions.stride(4), NmsOptions.defaults(),
                    ClassNames.none())).isInstanceOf(DetectionException.class)
                    .hasMessageContaining("classifier output [B, K]").hasMessageContaining("[1, 5, 1, 1]");
        }
        assertThatThrownBy(() -> WindowOptions.stride(0)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("window stride must be at least 1, got 0");
        assertThatThrownBy(() -> WindowOptions.stride(4).withScales(0.5, -1)).isInstanceOf(DetectionException.class)
                .hasMessageContaining("pyramid scale");
        assertThatThrownBy(() -> WindowOptions.stride(4).withObjectnessThreshold(1.01))
                .isInstanceOf(DetectionException.class).hasMessageContaining("objectness threshold must be in [0, 1]");
    }
}
