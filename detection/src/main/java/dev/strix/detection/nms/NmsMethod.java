package dev.strix.detection.nms;

/** How overlapping candidates are treated. */
public enum NmsMethod {
    /** Drop every candidate whose IoU with a kept, higher-scoring one exceeds the IoU threshold. */
    GREEDY,
    /** Soft-NMS, linear: a candidate overlapping a kept one by IoU above the threshold is rescored s·(1 − IoU). */
    SOFT_LINEAR,
    /** Soft-NMS, Gaussian: every candidate is rescored s·exp(−IoU² / σ); the IoU threshold is not used. */
    SOFT_GAUSSIAN
}
