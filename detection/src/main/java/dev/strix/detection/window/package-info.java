/**
 * The sliding-window detector: any classification session run over windows of the image at several scales,
 * batched into few session runs, then suppressed.
 */
package dev.strix.detection.window;
