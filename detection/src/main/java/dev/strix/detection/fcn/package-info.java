/**
 * Fully convolutional conversion: a classifier's flatten + linear head rewritten as convolutions, so the network
 * scores every window of a larger image in one pass, with the geometry (stride, receptive field) that maps each
 * output cell back to its window.
 */
package dev.strix.detection.fcn;
