/**
 * Decoders from a model's raw output to candidate boxes: classification with localisation, YOLOv1's grid,
 * YOLOv2/v3 anchors over several scales, and the YOLOv5 / YOLOv8 export layouts; plus anchor k-means. Boxes come
 * out in pixels of the network input; {@link dev.strix.detection.image.Letterbox} maps them back to the image.
 */
package dev.strix.detection.head;
