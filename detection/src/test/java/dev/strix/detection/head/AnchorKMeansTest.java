package dev.strix.detection.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.detection.DetectionException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorKMeansTest {

    /** 100 boxes around each of three sizes, each side scaled by a factor in [0.9, 1.1]. */
    private static double[] clustered(long seed) {
        double[][] centres = {{10, 13}, {62, 45}, {156, 198}};
        SplittableRandom rng = new SplittableRandom(seed);
        double[] wh = new double[2 * 300];
        for (int i = 0; i < 300; i++) {
            double[] c = centres[i % 3];
            wh[2 * i] = c[0] * (0.9 + 0.2 * rng.nextDouble());
            wh[2 * i + 1] = c[1] * (0.9 + 0.2 * rng.nextDouble());
        }
        return wh;
    }

    @Test
    void recoversThreeClusteredSizes() {
        AnchorKMeans.Result r = AnchorKMeans.fit(clustered(5), 3, 42, 100);
        double[] a = r.anchors();
        // Sorted by area; each within 3% of its cluster's centre (the noise is symmetric, mean factor 1).
        assertThat(a[0]).isCloseTo(10, within(0.3));
        assertThat(a[1]).isCloseTo(13, within(0.39));
        assertThat(a[2]).isCloseTo(62, within(1.86));
        assertThat(a[3]).isCloseTo(45, within(1.35));
        assertThat(a[4]).isCloseTo(156, within(4.68));
        assertThat(a[5]).isCloseTo(198, within(5.94));
        // ±10% per side keeps IoU with the centre above .8 for nearly every box.
        assertThat(r.meanIou()).isGreaterThan(0.85);
        assertThat(r.iterations()).isLessThan(100);
    }

    @Test
    void sameSeedSameAnchors() {
        double[] wh = clustered(9);
        assertThat(AnchorKMeans.fit(wh, 5, 1, 100).anchors()).containsExactly(AnchorKMeans.fit(wh, 5, 1, 100).anchors());
    }

    @Test
    void iouOfCentredSizes() {
        // 10×10 and 20×5: intersection 10×5 = 50, union 100 + 100 − 50 = 150.
        assertThat(AnchorKMeans.iou(10, 10, 20, 5)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> AnchorKMeans.fit(new double[] {1, 1, 2, 2}, 3, 0, 10))
                .isInstanceOf(DetectionException.class).hasMessageContaining("3 anchors in 2 boxes");
        assertThatThrownBy(() -> AnchorKMeans.fit(new double[] {1, 1, 2, Double.NaN}, 1, 0, 10))
                .isInstanceOf(DetectionException.class).hasMessageContaining("box 1 has a height of NaN");
        assertThatThrownBy(() -> AnchorKMeans.fit(new double[] {1, 1, 0, 2}, 1, 0, 10))
                .isInstanceOf(DetectionException.class).hasMessageContaining("box 1 has a width of 0");
    }
}
