package dev.strix.aparapi.kernels;

/**
 * Scaled dot-product attention for one (image, head, query) per work item, reading queries, keys and values from
 * one projected buffer [N, L, 3E] (q at columns h·d…, k at E + h·d…, v at 2E + h·d…) and writing [N, L, E] with the
 * heads side by side. The softmax row lives in {@link #scores} ([N·heads·L·L]; kernels cannot allocate). With
 * {@link #hasBias} an additive logit term [groups, heads, L, L] is read for sequence s at group s % groups (Swin's
 * relative position bias plus shift mask, one group per window position).
 */
public final class AttentionKernel extends StrixKernel {
    public float[] qkv;
    public float[] scores;
    public float[] out;
    public float[] bias;
    public int tokens;
    public int embed;
    public int heads;
    public float scale;
    public int hasBias;
    public int biasGroups;

    @Override
    protected void compute(int id) {
        int i = id % tokens;
        int rest = id / tokens;
        int h = rest % heads;
        int image = rest / heads;
        int d = embed / heads;
        int row = 3 * embed;
        int q = (image * tokens + i) * row + h * d;
        int s0 = id * tokens;
        int b0 = (((image % biasGroups) * heads + h) * tokens + i) * tokens;
        float m = LOWEST;
        for (int j = 0; j < tokens; j++) {
            int k = (image * tokens + j) * row + embed + h * d;
            float dot = 0f;
            for (int t = 0; t < d; t++) {
                dot += qkv[q + t] * qkv[k + t];
            }
            dot = dot * scale;
            if (hasBias == 1) {
                dot += bias[b0 + j];
            }
            scores[s0 + j] = dot;
            m = max(m, dot);
        }
        float sum = 0f;
        for (int j = 0; j < tokens; j++) {
            float e = exp(scores[s0 + j] - m);
            scores[s0 + j] = e;
            sum += e;
        }
        int o = (image * tokens + i) * embed + h * d;
        for (int t = 0; t < d; t++) {
            out[o + t] = 0f;
        }
        // Key-major accumulation reads each value row contiguously.
        for (int j = 0; j < tokens; j++) {
            float p = scores[s0 + j];
            int v = (image * tokens + j) * row + 2 * embed + h * d;
            for (int t = 0; t < d; t++) {
                out[o + t] += p * qkv[v + t];
            }
        }
        float inv = 1f / sum;
        for (int t = 0; t < d; t++) {
            out[o + t] = out[o + t] * inv;
        }
    }
}
