/**
 * Images in and out: reading PNG/JPEG/BMP through javax.imageio with clear errors, image to NCHW tensor
 * ({@link dev.strix.detection.image.ImageTensors}), bilinear resize, center crop, letterbox with the mapping back,
 * mean/std normalisation ({@link dev.strix.detection.image.Normalization}, ImageNet's figures live there only), and
 * PNG written atomically.
 */
package dev.strix.detection.image;
