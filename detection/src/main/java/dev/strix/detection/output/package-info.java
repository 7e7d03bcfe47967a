/** Detections out: drawn on images (PNG, written atomically) and as JSON. */
package dev.strix.detection.output;
