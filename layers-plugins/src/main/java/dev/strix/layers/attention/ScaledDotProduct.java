package dev.strix.layers.attention;

/**
 * One head of scaled dot-product attention over one sequence: softmax(scale·q·kᵀ + bias)·v, accumulated in double.
 * Queries, keys and values are columns of row-major matrices (one row per token), so the packed qkv output of a
 * projection is read in place.
 */
final class ScaledDotProduct {
    /** An additive term on the logit of query {@code i} and key {@code j} (relative position bias, shift mask). */
    interface PairBias {
        double at(int i, int j);
    }

    /** Columns {@code col .. col + headDim} of a row-major matrix with {@code stride} floats per row. */
    record Columns(float[] data, int stride, int col) {
        float get(int row, int c) {
            return data[row * stride + col + c];
        }
    }

    private ScaledDotProduct() {}

    /**
     * Attends the {@code len} tokens starting at row {@code first} of q, k and v to each other and writes the result
     * to the same rows of {@code out}.
     *
     * @param bias additive logit term, or null for none
     */
    static void head(Columns q, Columns k, Columns v, Columns out, int first, int len, int headDim, double scale,
            PairBias bias) {
        double[] logits = new double[len];
        double[] acc = new double[headDim];
        for (int i = 0; i < len; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < len; j++) {
                double dot = 0;
                for (int c = 0; c < headDim; c++) {
                    dot += (double) q.get(first + i, c) * k.get(first + j, c);
                }
                logits[j] = dot * scale + (bias == null ? 0 : bias.at(i, j));
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < len; j++) {
                logits[j] = Math.exp(logits[j] - max);
                sum += logits[j];
            }
            java.util.Arrays.fill(acc, 0);
            for (int j = 0; j < len; j++) {
                double p = logits[j] / sum;
                for (int c = 0; c < headDim; c++) {
                    acc[c] += p * v.get(first + j, c);
                }
            }
            for (int c = 0; c < headDim; c++) {
                out.data()[(first + i) * out.stride() + out.col() + c] = (float) acc[c];
            }
        }
    }
}
