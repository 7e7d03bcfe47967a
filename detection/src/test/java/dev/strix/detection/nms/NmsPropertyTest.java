package dev.strix.detection.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.detection.box.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Suppression equals a brute-force reference on random box sets: per group, repeatedly take the best remaining
 * candidate (ties: lower index), keep it, and drop (greedy) or rescore (soft) the rest against it, using
 * {@link Box} objects and lists. Seeded, so a failure reproduces.
 */
class NmsPropertyTest {

    record Case(float[] xyxy, float[] scores, int[] classes, NmsOptions options) {}

    @Test
    void greedyAndSoftEqualBruteForceOnRandomSets() {
        SplittableRandom rng = new SplittableRandom(20261125);
        for (int trial = 0; trial < 600; trial++) {
            Case c = randomCase(rng);
            NmsResult fast = Nms.suppress(Candidates.of(c.xyxy, c.scores, c.classes), c.options);
            List<float[]> slow = reference(c);
            String why = "trial " + trial + " " + c.options;
            assertThat(fast.indices()).as(why).containsExactly(slow.stream().mapToInt(k -> (int) k[0]).toArray());
            for (int k = 0; k < slow.size(); k++) {
                assertThat(fast.scores()[k]).as(why).isCloseTo(slow.get(k)[1], within(0f));
            }
        }
    }

    private static Case randomCase(SplittableRandom rng) {
        int n = rng.nextInt(0, 120);
        int classCount = rng.nextInt(1, 5);
        int clusters = rng.nextInt(1, 8);
        double[][] centres = new double[clusters][];
        for (int k = 0; k < clusters; k++) {
            centres[k] = new double[] {rng.nextDouble() * 100, rng.nextDouble() * 100};
        }
        boolean coarseScores = rng.nextInt(4) == 0; // quantised scores exercise the tie rule
        float[] xyxy = new float[4 * n];
        float[] scores = new float[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            double[] c = centres[rng.nextInt(clusters)];
            double cx = c[0] + rng.nextDouble() * 10 - 5;
            double cy = c[1] + rng.nextDouble() * 10 - 5;
            double w = 2 + rng.nextDouble() * 20;
            double h = 2 + rng.nextDouble() * 20;
            xyxy[4 * i] = (float) (cx - w / 2);
            xyxy[4 * i + 1] = (float) (cy - h / 2);
            xyxy[4 * i + 2] = (float) (cx + w / 2);
            xyxy[4 * i + 3] = (float) (cy + h / 2);
            scores[i] = coarseScores ? rng.nextInt(0, 21) / 20f : (float) rng.nextDouble();
            classes[i] = rng.nextInt(classCount);
        }
        NmsMethod method = NmsMethod.values()[rng.nextInt(3)];
        // The exact ends 0 and 1 check that the IoU comparison is strict.
        double iou = switch (rng.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1;
            default -> rng.nextDouble();
        };
        NmsOptions o = new NmsOptions(method, iou, rng.nextInt(3) == 0 ? 0 : rng.nextDouble() * 0.5,
                rng.nextBoolean(), rng.nextInt(3) == 0 ? rng.nextInt(1, 6) : Integer.MAX_VALUE,
                rng.nextInt(3) == 0 ? rng.nextInt(1, 10) : Integer.MAX_VALUE, 0.1 + rng.nextDouble());
        return new Case(xyxy, scores, classes, o);
    }

    /** Kept (index, final score) pairs in output order. */
    private static List<float[]> reference(Case c) {
        NmsOptions o = c.options;
        int n = c.scores.length;
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boxes.add(Box.xyxy(c.xyxy[4 * i], c.xyxy[4 * i + 1], c.xyxy[4 * i + 2], c.xyxy[4 * i + 3]));
        }
        List<float[]> kept = new ArrayList<>();
        int groups = o.classAware() ? 5 : 1;
        for (int g = 0; g < groups; g++) {
            List<Integer> remaining = new ArrayList<>();
            float[] s = c.scores.clone();
            for (int i = 0; i < n; i++) {
                if ((!o.classAware() || c.classes[i] == g) && s[i] > o.scoreThreshold()) {
                    remaining.add(i);
                }
            }
            int taken = 0;
            while (!remaining.isEmpty() && taken < o.maxPerClass()) {
                int best = remaining.get(0);
                for (int i : remaining) {
                    if (s[i] > s[best] || (s[i] == s[best] && i < best)) {
                        best = i;
                    }
                }
                kept.add(new float[] {best, s[best]});
                taken++;
                remaining.remove(Integer.valueOf(best));
                Box m = boxes.get(best);
                List<Integer> next = new ArrayList<>();
                for (int i : remaining) {
                    double iou = m.iou(boxes.get(i));
                    switch (o.method()) {
                        case GREEDY -> {
                            if (iou <= o.iouThreshold()) {
                                next.add(i);
                            }
                        }
                        case SOFT_LINEAR -> {
                            s[i] = (float) (s[i] * (iou > o.iouThreshold() ? 1 - iou : 1));
                            if (s[i] > o.scoreThreshold()) {
                                next.add(i);
                            }
                        }
                        case SOFT_GAUSSIAN -> {
                            s[i] = (float) (s[i] * Math.exp(-iou * iou / o.sigma()));
                            if (s[i] > o.scoreThreshold()) {
                                next.add(i);
                            }
                        }
                    }
                }
                remaining = next;
            }
        }
        kept.sort(Comparator.<float[]>comparingDouble(k -> -k[1]).thenComparingDouble(k -> k[0]));
        return kept.subList(0, Math.min(kept.size(), o.maxDetections()));
    }
}
