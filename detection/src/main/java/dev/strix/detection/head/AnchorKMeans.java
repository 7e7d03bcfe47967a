package dev.strix.detection.head;

import dev.strix.detection.Checks;
import dev.strix.detection.DetectionException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Anchor boxes by k-means over ground-truth box sizes with distance 1 − IoU (YOLOv2, section "Dimension
 * Clusters"): boxes are compared by width and height as if centred on one point, so large boxes do not dominate
 * as they would under Euclidean distance. Seeded k-means++ start, then Lloyd iterations (centroid = mean width
 * and height of its members) until no assignment changes.
 */
public final class AnchorKMeans {
    private AnchorKMeans() {}

    /**
     * The result: anchors as (w, h) pairs sorted by area, the mean IoU of each box with its nearest anchor, and
     * the iterations run.
     */
    public record Result(double[] anchors, double meanIou, int iterations) {
        public int size() {
            return anchors.length / 2;
        }
    }

    /** IoU of two sizes aligned at a common centre. */
    public static double iou(double w1, double h1, double w2, double h2) {
        double inter = Math.min(w1, w2) * Math.min(h1, h2);
        return inter / (w1 * h1 + w2 * h2 - inter);
    }

    /**
     * Clusters the sizes {@code wh} (w, h pairs, all positive and finite) into {@code k} anchors.
     *
     * @param maxIterations a bound on Lloyd iterations
     */
    public static Result fit(double[] wh, int k, long seed, int maxIterations) {
        Checks.positive("anchor count", k);
        Checks.positive("iterations", maxIterations);
        if (wh.length % 2 != 0) {
            throw new DetectionException("box sizes must be (w, h) pairs, got " + wh.length + " numbers");
        }
        int n = wh.length / 2;
        if (n < k) {
            throw new DetectionException("cannot find " + k + " anchors in " + n + " boxes");
        }
        for (int i = 0; i < wh.length; i++) {
            if (!(wh[i] > 0) || Double.isInfinite(wh[i])) {
                throw new DetectionException("box " + i / 2 + " has a " + (i % 2 == 0 ? "width" : "height")
                        + " of " + wh[i] + "; sizes must be positive and finite");
            }
        }
        double[] centroids = seed(wh, n, k, new SplittableRandom(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = assign(wh, centroids, assignment);
            update(wh, centroids, assignment);
        }
        return new Result(sortedByArea(centroids), meanIou(wh, centroids), iteration);
    }

    /** k-means++: each next centre drawn with probability proportional to its distance (1 − IoU) to the nearest. */
    private static double[] seed(double[] wh, int n, int k, SplittableRandom rng) {
        double[] c = new double[2 * k];
        int first = rng.nextInt(n);
        c[0] = wh[2 * first];
        c[1] = wh[2 * first + 1];
        double[] d = new double[n];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d[i] = nearest(wh[2 * i], wh[2 * i + 1], c, j)[1];
                total += d[i];
            }
            int pick = n - 1;
            double target = rng.nextDouble() * total;
            for (int i = 0; i < n; i++) {
                target -= d[i];
                if (target < 0) {
                    pick = i;
                    break;
                }
            }
            c[2 * j] = wh[2 * pick];
            c[2 * j + 1] = wh[2 * pick + 1];
        }
        return c;
    }

    /** {index, distance} of the nearest of the first {@code k} centroids. */
    private static double[] nearest(double w, double h, double[] c, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double distance = 1 - iou(w, h, c[2 * j], c[2 * j + 1]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = j;
            }
        }
        return new double[] {best, bestDistance};
    }

    private static boolean assign(double[] wh, double[] c, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < assignment.length; i++) {
            int j = (int) nearest(wh[2 * i], wh[2 * i + 1], c, c.length / 2)[0];
            if (j != assignment[i]) {
                assignment[i] = j;
                changed = true;
            }
        }
        return changed;
    }

    /** Moves each centroid to its members' mean; an empty cluster keeps its place. */
    private static void update(double[] wh, double[] c, int[] assignment) {
        int k = c.length / 2;
        double[] sum = new double[2 * k];
        int[] count = new int[k];
        for (int i = 0; i < assignment.length; i++) {
            int j = assignment[i];
            sum[2 * j] += wh[2 * i];
            sum[2 * j + 1] += wh[2 * i + 1];
            count[j]++;
        }
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) {
                c[2 * j] = sum[2 * j] / count[j];
                c[2 * j + 1] = sum[2 * j + 1] / count[j];
            }
        }
    }

    private static double meanIou(double[] wh, double[] c) {
        double total = 0;
        int n = wh.length / 2;
        for (int i = 0; i < n; i++) {
            total += 1 - nearest(wh[2 * i], wh[2 * i + 1], c, c.length / 2)[1];
        }
        return total / n;
    }

    private static double[] sortedByArea(double[] c) {
        int k = c.length / 2;
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(c[2 * a] * c[2 * a + 1], c[2 * b] * c[2 * b + 1]));
        double[] out = new double[2 * k];
        for (int j = 0; j < k; j++) {
            out[2 * j] = c[2 * order[j]];
            out[2 * j + 1] = c[2 * order[j] + 1];
        }
        return out;
    }
}
