package dev.strix.detection.eval;

import java.util.List;

/**
 * How a prediction is matched to ground truth of its class in its image. Both walk predictions from the highest
 * score down.
 */
public enum Matching {
    /**
     * The PASCAL VOC devkit's rule: take the ground truth of highest IoU; if that IoU is greater than the
     * threshold the prediction is a true positive when that object is still unclaimed, a false positive when
     * it was claimed already, and ignored when it is difficult. Otherwise it is a false positive.
     */
    VOC,
    /**
     * The COCO API's rule: among the objects not yet claimed, take the one of highest IoU at or above the
     * threshold, preferring ordinary objects to difficult ones (COCO's "ignore"); a prediction matched to a
     * difficult object is ignored, one matched to none is a false positive.
     */
    COCO;

    /** Outcome of one prediction. */
    enum Outcome { TRUE_POSITIVE, FALSE_POSITIVE, IGNORED }

    /** Matches a prediction against {@code truths}, updating {@code claimed}. */
    Outcome match(dev.strix.detection.box.Box box, List<GroundTruth> truths, boolean[] claimed, double threshold) {
        return this == VOC ? voc(box, truths, claimed, threshold) : coco(box, truths, claimed, threshold);
    }

    private static Outcome voc(dev.strix.detection.box.Box box, List<GroundTruth> truths, boolean[] claimed,
            double threshold) {
        int best = -1;
        double bestIou = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < truths.size(); g++) {
            double iou = box.iou(truths.get(g).box());
            if (iou > bestIou) {
                bestIou = iou;
                best = g;
            }
        }
        if (best < 0 || !(bestIou > threshold)) {
            return Outcome.FALSE_POSITIVE;
        }
        if (truths.get(best).difficult()) {
            return Outcome.IGNORED;
        }
        if (claimed[best]) {
            return Outcome.FALSE_POSITIVE;
        }
        claimed[best] = true;
        return Outcome.TRUE_POSITIVE;
    }

    private static Outcome coco(dev.strix.detection.box.Box box, List<GroundTruth> truths, boolean[] claimed,
            double threshold) {
        for (boolean difficultPass : new boolean[] {false, true}) {
            int best = -1;
            double bestIou = threshold;
            for (int g = 0; g < truths.size(); g++) {
                if (claimed[g] || truths.get(g).difficult() != difficultPass) {
                    continue;
                }
                double iou = box.iou(truths.get(g).box());
                if (iou >= bestIou) {
                    bestIou = iou;
                    best = g;
                }
            }
            if (best >= 0) {
                claimed[best] = true;
                return difficultPass ? Outcome.IGNORED : Outcome.TRUE_POSITIVE;
            }
        }
        return Outcome.FALSE_POSITIVE;
    }
}
