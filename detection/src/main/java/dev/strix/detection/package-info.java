/**
 * Object detection on Strix models: boxes and non-max suppression ({@code box}, {@code nms}), YOLO and
 * classification-with-localisation heads ({@code head}), sliding windows and fully convolutional conversion
 * ({@code window}, {@code fcn}), evaluation ({@code eval}), images in and out ({@code image}) and the
 * {@link dev.strix.detection.Detector} that ties them together.
 */
package dev.strix.detection;
