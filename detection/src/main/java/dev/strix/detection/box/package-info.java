/**
 * Axis-aligned boxes: the {@link dev.strix.detection.box.Box} value with xyxy / xywh / cxcywh conversions,
 * clipping and scaling, and overlap measures (IoU, GIoU, DIoU) on boxes and on packed float arrays.
 */
package dev.strix.detection.box;
