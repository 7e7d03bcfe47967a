package dev.strix.detection.nms;

import java.util.Arrays;

/**
 * Sorting by score, highest first, ties by lower index — done on primitive long keys (score bits flipped into
 * the high word, index in the low word), so ten thousand candidates sort without boxing.
 */
final class ScoreOrder {
    private ScoreOrder() {}

    /** The indices {@code i} with {@code scores[i] > threshold}, highest score first. */
    static int[] above(float[] scores, double threshold) {
        long[] keys = new long[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > threshold) {
                keys[n++] = key(scores[i], i);
            }
        }
        return indices(keys, n);
    }

    /** {@code indices} reordered by {@code scores[k]} (parallel to {@code indices}), highest first. */
    static int[] sort(int[] indices, float[] scores, int n) {
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = key(scores[k], indices[k]);
        }
        return indices(keys, n);
    }

    private static int[] indices(long[] keys, int n) {
        Arrays.sort(keys, 0, n);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) keys[k];
        }
        return out;
    }

    private static long key(float score, int index) {
        int bits = Float.floatToIntBits(score + 0f); // + 0f turns −0 into +0
        int ordered = bits ^ ((bits >> 31) & 0x7FFFFFFF); // monotone in the float's value
        return ((long) ~ordered << 32) | index;
    }
}
