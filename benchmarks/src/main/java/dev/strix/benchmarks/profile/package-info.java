/**
 * Where Strix's time goes on a model, seen from outside the backend: every distinct node of the graph is compiled
 * alone and timed ({@link dev.strix.benchmarks.profile.NodeProfile}), then the times are summed by layer type and
 * the slowest nodes listed with their achieved GFLOP/s. A node timed alone pays for its own input upload and
 * output download and runs without the fusion the whole-model session does (batch norm folded into the
 * convolution, activation fused), so the sum is an upper bound on the model's latency; what it shows is which
 * layers dominate and how far each runs from the device's peak.
 */
package dev.strix.benchmarks.profile;
