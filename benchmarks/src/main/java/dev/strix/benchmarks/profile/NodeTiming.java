package dev.strix.benchmarks.profile;

/**
 * The time of one distinct node configuration, timed alone, and how many nodes of the model share it.
 *
 * @param node the first node with this configuration
 * @param type its layer type
 * @param shape what distinguishes it, in words (input shapes and attributes)
 * @param macs multiply-accumulates of one such node
 * @param millis median latency of one such node, timed alone
 * @param count how many nodes of the model have this configuration
 */
public record NodeTiming(String node, String type, String shape, long macs, double millis, int count) {

    /** Time of all nodes of this configuration. */
    public double totalMillis() {
        return millis * count;
    }

    /** Achieved GFLOP/s of one such node (two FLOPs per multiply-accumulate); 0 when it does no MACs. */
    public double gflops() {
        return macs == 0 || millis <= 0 ? 0 : 2.0 * macs / (millis * 1e6);
    }
}
