package dev.strix.detection.eval;

import dev.strix.detection.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scores predictions against ground truth: precision/recall curves per class, VOC AP and COCO mAP. Predictions of
 * equal score keep their given order (a stable sort, as the COCO API's mergesort).
 */
public final class Evaluation {
    /** COCO's cap on detections per image and class. */
    public static final int COCO_MAX_DETECTIONS = 100;

    private Evaluation() {}

    /**
     * The precision/recall curve of class {@code classIndex} at IoU {@code iouThreshold}, keeping at most
     * {@code maxPerImage} highest-scoring predictions per image.
     */
    public static PrCurve curve(List<GroundTruth> truths, List<Prediction> predictions, int classIndex,
            double iouThreshold, Matching matching, int maxPerImage) {
        Checks.unitInterval("IoU threshold", iouThreshold);
        Checks.positive("maximum predictions per image", maxPerImage);
        Map<String, List<GroundTruth>> byImage = new HashMap<>();
        int counted = 0;
        for (GroundTruth t : truths) {
            if (t.classIndex() == classIndex) {
                byImage.computeIfAbsent(t.image(), k -> new ArrayList<>()).add(t);
                counted += t.difficult() ? 0 : 1;
            }
        }
        List<Prediction> ranked = ranked(predictions, classIndex, maxPerImage);
        Map<String, boolean[]> claimed = new HashMap<>();
        byImage.forEach((image, list) -> claimed.put(image, new boolean[list.size()]));
        List<double[]> rows = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        for (Prediction p : ranked) {
            List<GroundTruth> inImage = byImage.getOrDefault(p.image(), List.of());
            Matching.Outcome o = matching.match(p.box(), inImage, claimed.getOrDefault(p.image(), new boolean[0]),
                    iouThreshold);
            if (o == Matching.Outcome.IGNORED) {
                continue;
            }
            if (o == Matching.Outcome.TRUE_POSITIVE) {
                tp++;
            } else {
                fp++;
            }
            rows.add(new double[] {p.score(), (double) tp / (tp + fp), counted == 0 ? 0 : (double) tp / counted});
        }
        double[] scores = new double[rows.size()];
        double[] precision = new double[rows.size()];
        double[] recall = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            scores[i] = rows.get(i)[0];
            precision[i] = rows.get(i)[1];
            recall[i] = rows.get(i)[2];
        }
        return new PrCurve(scores, precision, recall, counted);
    }

    /** PASCAL VOC AP per class at IoU {@code iouThreshold} (0.5 in VOC) with VOC matching. */
    public static ApResult voc(List<GroundTruth> truths, List<Prediction> predictions, double iouThreshold,
            ApMethod method) {
        Map<Integer, Double> ap = new HashMap<>();
        for (int c : classesWithTruth(truths)) {
            ap.put(c, method.of(curve(truths, predictions, c, iouThreshold, Matching.VOC, Integer.MAX_VALUE)));
        }
        return ApResult.of(ap);
    }

    /**
     * COCO box metrics: 101-point AP with COCO matching at IoU 0.50:0.05:0.95, at most 100 predictions per image
     * and class; per class, then the mean over classes.
     */
    public static CocoResult coco(List<GroundTruth> truths, List<Prediction> predictions) {
        Map<Integer, Double> map = new HashMap<>();
        Map<Integer, Double> map50 = new HashMap<>();
        Map<Integer, Double> map75 = new HashMap<>();
        for (int c : classesWithTruth(truths)) {
            double sum = 0;
            double step = (0.95 - 0.5) / 9; // numpy.linspace(.5, .95, 10), as the COCO API builds it
            for (int k = 0; k < 10; k++) {
                double iou = 0.5 + k * step;
                double ap = ApMethod.COCO_101_POINT.of(
                        curve(truths, predictions, c, iou, Matching.COCO, COCO_MAX_DETECTIONS));
                sum += ap;
                if (k == 0) {
                    map50.put(c, ap);
                } else if (k == 5) {
                    map75.put(c, ap);
                }
            }
            map.put(c, sum / 10);
        }
        return new CocoResult(ApResult.of(map), ApResult.of(map50), ApResult.of(map75));
    }

    private static TreeSet<Integer> classesWithTruth(List<GroundTruth> truths) {
        TreeSet<Integer> classes = new TreeSet<>();
        for (GroundTruth t : truths) {
            if (!t.difficult()) {
                classes.add(t.classIndex());
            }
        }
        return classes;
    }

    private static List<Prediction> ranked(List<Prediction> predictions, int classIndex, int maxPerImage) {
        Comparator<Prediction> byScore = Comparator.comparingDouble(Prediction::score).reversed();
        List<Prediction> mine = new ArrayList<>();
        for (Prediction p : predictions) {
            if (p.classIndex() == classIndex) {
                mine.add(p);
            }
        }
        mine.sort(byScore);
        if (maxPerImage == Integer.MAX_VALUE) {
            return mine;
        }
        Map<String, Integer> perImage = new HashMap<>();
        List<Prediction> capped = new ArrayList<>();
        for (Prediction p : mine) {
            if (perImage.merge(p.image(), 1, Integer::sum) <= maxPerImage) {
                capped.add(p);
            }
        }
        return capped;
    }
}
