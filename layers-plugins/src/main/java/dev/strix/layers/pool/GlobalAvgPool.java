package dev.strix.layers.pool;

/** Global average pooling: the mean of each [H,W] plane, output [N,C,1,1]. */
public final class GlobalAvgPool extends GlobalPool {
    @Override
    public String name() {
        return "global_avg_pool";
    }

    @Override
    public String description() {
        return "mean over H and W, output [N,C,1,1]";
    }

    @Override
    float reduce(float[] in, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += in[i];
        }
        return (float) (sum / count);
    }
}
