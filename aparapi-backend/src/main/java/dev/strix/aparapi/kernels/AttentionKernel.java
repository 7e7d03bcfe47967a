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
            int t = 0;
            if (d >= 16) {
                // Sixteen partial sums over consecutive addresses: the OpenCL compiler runs them as vector lanes,
                // where one running sum is a chain it may not reorder.
                float p0 = 0f;
                float p1 = 0f;
                float p2 = 0f;
                float p3 = 0f;
                float p4 = 0f;
                float p5 = 0f;
                float p6 = 0f;
                float p7 = 0f;
                float p8 = 0f;
                float p9 = 0f;
                float p10 = 0f;
                float p11 = 0f;
                float p12 = 0f;
                float p13 = 0f;
                float p14 = 0f;
                float p15 = 0f;
                for (; t + 16 <= d; t += 16) {
                    p0 += qkv[q + t] * qkv[k + t];
                    p1 += qkv[q + t + 1] * qkv[k + t + 1];
                    p2 += qkv[q + t + 2] * qkv[k + t + 2];
                    p3 += qkv[q + t + 3] * qkv[k + t + 3];
                    p4 += qkv[q + t + 4] * qkv[k + t + 4];
                    p5 += qkv[q + t + 5] * qkv[k + t + 5];
                    p6 += qkv[q + t + 6] * qkv[k + t + 6];
                    p7 += qkv[q + t + 7] * qkv[k + t + 7];
                    p8 += qkv[q + t + 8] * qkv[k + t + 8];
                    p9 += qkv[q + t + 9] * qkv[k + t + 9];
                    p10 += qkv[q + t + 10] * qkv[k + t + 10];
                    p11 += qkv[q + t + 11] * qkv[k + t + 11];
                    p12 += qkv[q + t + 12] * qkv[k + t + 12];
                    p13 += qkv[q + t + 13] * qkv[k + t + 13];
                    p14 += qkv[q + t + 14] * qkv[k + t + 14];
                    p15 += qkv[q + t + 15] * qkv[k + t + 15];
                }
                dot = ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7)) + ((p8 + p9) + (p10 + p11))
                        + ((p12 + p13) + (p14 + p15));
            }
            for (; t < d; t++) {
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
        float inv = 1f / sum;
        int v0 = image * tokens * row + 2 * embed + h * d;
        int t0 = 0;
        // Sixteen output columns at a time in registers, key-major so each value row is read contiguously.
        for (; t0 + 16 <= d; t0 += 16) {
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            float a4 = 0f;
            float a5 = 0f;
            float a6 = 0f;
            float a7 = 0f;
            float a8 = 0f;
            float a9 = 0f;
            float a10 = 0f;
            float a11 = 0f;
            float a12 = 0f;
            float a13 = 0f;
            float a14 = 0f;
            float a15 = 0f;
            for (int j = 0; j < tokens; j++) {
                float p = scores[s0 + j];
                int v = v0 + j * row + t0;
                a0 += p * qkv[v];
                a1 += p * qkv[v + 1];
                a2 += p * qkv[v + 2];
                a3 += p * qkv[v + 3];
                a4 += p * qkv[v + 4];
                a5 += p * qkv[v + 5];
                a6 += p * qkv[v + 6];
                a7 += p * qkv[v + 7];
                a8 += p * qkv[v + 8];
                a9 += p * qkv[v + 9];
                a10 += p * qkv[v + 10];
                a11 += p * qkv[v + 11];
                a12 += p * qkv[v + 12];
                a13 += p * qkv[v + 13];
                a14 += p * qkv[v + 14];
                a15 += p * qkv[v + 15];
            }
            out[o + t0] = a0 * inv;
            out[o + t0 + 1] = a1 * inv;
            out[o + t0 + 2] = a2 * inv;
            out[o + t0 + 3] = a3 * inv;
            out[o + t0 + 4] = a4 * inv;
            out[o + t0 + 5] = a5 * inv;
            out[o + t0 + 6] = a6 * inv;
            out[o + t0 + 7] = a7 * inv;
            out[o + t0 + 8] = a8 * inv;
            out[o + t0 + 9] = a9 * inv;
            out[o + t0 + 10] = a10 * inv;
            out[o + t0 + 11] = a11 * inv;
            out[o + t0 + 12] = a12 * inv;
            out[o + t0 + 13] = a13 * inv;
            out[o + t0 + 14] = a14 * inv;
            out[o + t0 + 15] = a15 * inv;
        }
        for (int t = t0; t < d; t++) {
            float acc = 0f;
            for (int j = 0; j < tokens; j++) {
                acc += scores[s0 + j] * qkv[v0 + j * row + t];
            }
            out[o + t] = acc * inv;
        }
    }
}
