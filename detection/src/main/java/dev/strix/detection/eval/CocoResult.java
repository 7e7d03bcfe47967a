package dev.strix.detection.eval;

/**
 * COCO-style box metrics.
 *
 * @param map AP averaged over IoU 0.50, 0.55, …, 0.95 (COCO's "AP"), per class and mean
 * @param map50 AP at IoU 0.50
 * @param map75 AP at IoU 0.75
 */
public record CocoResult(ApResult map, ApResult map50, ApResult map75) {}
