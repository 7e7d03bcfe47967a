/**
 * Detection metrics: matching predictions to ground truth (VOC's and COCO's rules), precision/recall curves,
 * average precision (VOC 11-point, all-point, COCO 101-point) and mean AP per class, including COCO's
 * mAP@[.5:.95].
 */
package dev.strix.detection.eval;
