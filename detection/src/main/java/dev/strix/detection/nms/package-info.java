/**
 * Non-max suppression: greedy (class-aware or class-agnostic) and soft-NMS (linear and Gaussian decay), with a
 * score threshold, an IoU threshold and top-k per class and overall. Candidates are sorted once; suppression
 * then walks them in that order.
 */
package dev.strix.detection.nms;
