package dev.strix.layers.pool;

/** Global max pooling: the largest value of each [H,W] plane, output [N,C,1,1]. */
public final class GlobalMaxPool extends GlobalPool {
    @Override
    public String name() {
        return "global_max_pool";
    }

    @Override
    public String description() {
        return "max over H and W, output [N,C,1,1]";
    }

    @Override
    float reduce(float[] in, int from, int count) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + count; i++) {
            if (in[i] > m || Float.isNaN(in[i])) {
                m = in[i];
            }
        }
        return m;
    }
}
