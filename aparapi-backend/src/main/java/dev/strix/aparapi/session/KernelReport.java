package dev.strix.aparapi.session;

import dev.strix.aparapi.runtime.Mode;

/**
 * Where one step of a session runs.
 *
 * @param node the node it computes (part of)
 * @param kernel the Aparapi kernel class, or the layer type for a host step
 * @param mode where it ran last ({@link Mode#HOST} for a host step); before the first run, where it is set to run
 * @param fallbackReason why it left OpenCL (kernel, node, device and Aparapi's reason), or empty
 * @param lastMillis wall time of its last run, transfers included (0 before the first run)
 */
public record KernelReport(String node, String kernel, Mode mode, String fallbackReason, double lastMillis) {}
