package dev.strix.detection.nms;

import dev.strix.detection.box.Overlap;
import java.util.Arrays;

/**
 * Non-max suppression. Candidates above the score threshold are sorted once by score (ties by index); with
 * class-aware suppression they are then split into per-class runs by a stable counting pass, so each run is
 * still sorted. Greedy suppression walks a run keeping a candidate unless it overlaps an already kept one by
 * more than the IoU threshold, which is the textbook "take the best, drop its neighbours, repeat" with each
 * candidate compared only against kept boxes. Soft-NMS rescores instead of dropping and so picks the best
 * remaining candidate afresh each round.
 *
 * <p>Per-class results are capped at {@code maxPerClass}, merged by final score and capped at
 * {@code maxDetections}.
 */
public final class Nms {
    private Nms() {}

    /** Suppresses {@code candidates} with {@code options}. */
    public static NmsResult suppress(Candidates candidates, NmsOptions options) {
        int[] order = ScoreOrder.above(candidates.scores(), options.scoreThreshold());
        int[][] runs = options.classAware() ? byClass(order, candidates.classes()) : new int[][] {order};
        int[] kept = new int[order.length];
        float[] keptScores = new float[order.length];
        int n = 0;
        for (int[] run : runs) {
            n = options.method() == NmsMethod.GREEDY
                    ? greedy(candidates, run, options, kept, keptScores, n)
                    : soft(candidates, run, options, kept, keptScores, n);
        }
        // One greedy run is already in score order; anything else is merged by final score.
        int[] merged = runs.length == 1 && options.method() == NmsMethod.GREEDY
                ? Arrays.copyOf(kept, n) : ScoreOrder.sort(kept, keptScores, n);
        int count = Math.min(merged.length, options.maxDetections());
        int[] indices = Arrays.copyOf(merged, count);
        float[] scores = new float[count];
        if (options.method() == NmsMethod.GREEDY) {
            for (int k = 0; k < count; k++) {
                scores[k] = candidates.score(indices[k]);
            }
        } else {
            float[] byIndex = new float[candidates.size()];
            for (int k = 0; k < n; k++) {
                byIndex[kept[k]] = keptScores[k];
            }
            for (int k = 0; k < count; k++) {
                scores[k] = byIndex[indices[k]];
            }
        }
        return new NmsResult(indices, scores);
    }

    /** Splits sorted indices into runs of one class each, keeping the order within a run. */
    private static int[][] byClass(int[] order, int[] classes) {
        int max = -1;
        for (int i : order) {
            max = Math.max(max, classes[i]);
        }
        int[] counts = new int[max + 1];
        for (int i : order) {
            counts[classes[i]]++;
        }
        int[][] runs = new int[max + 1][];
        for (int c = 0; c <= max; c++) {
            runs[c] = new int[counts[c]];
        }
        int[] fill = new int[max + 1];
        for (int i : order) {
            int c = classes[i];
            runs[c][fill[c]++] = i;
        }
        return runs;
    }

    private static int greedy(Candidates c, int[] run, NmsOptions o, int[] kept, float[] keptScores, int n) {
        float[] xyxy = c.xyxy();
        double threshold = o.iouThreshold();
        int first = n;
        int limit = o.maxPerClass();
        next:
        for (int i : run) {
            if (n - first >= limit) {
                break;
            }
            for (int k = first; k < n; k++) {
                if (Overlap.iou(xyxy, i, kept[k]) > threshold) {
                    continue next;
                }
            }
            keptScores[n] = c.score(i);
            kept[n++] = i;
        }
        return n;
    }

    private static int soft(Candidates c, int[] run, NmsOptions o, int[] kept, float[] keptScores, int n) {
        float[] xyxy = c.xyxy();
        int m = run.length;
        float[] s = new float[m];
        boolean[] alive = new boolean[m];
        for (int p = 0; p < m; p++) {
            s[p] = c.score(run[p]);
            alive[p] = true;
        }
        boolean gaussian = o.method() == NmsMethod.SOFT_GAUSSIAN;
        int taken = 0;
        while (taken < o.maxPerClass()) {
            int best = -1;
            for (int p = 0; p < m; p++) {
                if (alive[p] && (best < 0 || s[p] > s[best] || (s[p] == s[best] && run[p] < run[best]))) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            alive[best] = false;
            kept[n] = run[best];
            keptScores[n++] = s[best];
            taken++;
            for (int p = 0; p < m; p++) {
                if (!alive[p]) {
                    continue;
                }
                double iou = Overlap.iou(xyxy, run[best], run[p]);
                double weight = gaussian ? Math.exp(-iou * iou / o.sigma()) : iou > o.iouThreshold() ? 1 - iou : 1;
                s[p] = (float) (s[p] * weight);
                if (s[p] <= o.scoreThreshold()) {
                    alive[p] = false;
                }
            }
        }
        return n;
    }
}
