package dev.strix.detection.nms;

/**
 * What suppression kept: indices into the candidates, highest final score first (ties by index), and their final
 * scores (equal to the input scores for greedy NMS, decayed for soft-NMS). The arrays are the caller's to keep.
 */
public record NmsResult(int[] indices, float[] scores) {
    public int size() {
        return indices.length;
    }
}
