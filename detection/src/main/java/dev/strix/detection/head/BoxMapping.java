package dev.strix.detection.head;

import dev.strix.detection.image.Letterbox;
import dev.strix.detection.nms.Candidates;

/** Maps decoded boxes from the network input back onto the original image. */
public final class BoxMapping {
    private BoxMapping() {}

    /**
     * {@code candidates} on a letterboxed input mapped to the original image (undoing the padding and the scale)
     * and clipped to it; scores and classes unchanged.
     */
    public static Candidates fromLetterbox(Candidates candidates, Letterbox letterbox) {
        float[] in = candidates.xyxy();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += 4) {
            out[i] = clip(letterbox.toOriginalX(in[i]), letterbox.sourceWidth());
            out[i + 1] = clip(letterbox.toOriginalY(in[i + 1]), letterbox.sourceHeight());
            out[i + 2] = clip(letterbox.toOriginalX(in[i + 2]), letterbox.sourceWidth());
            out[i + 3] = clip(letterbox.toOriginalY(in[i + 3]), letterbox.sourceHeight());
        }
        return Candidates.of(out, candidates.scores().clone(), candidates.classes().clone());
    }

    /**
     * {@code candidates} on an input of {@code inputWidth × inputHeight} stretched (not letterboxed) from an image
     * of {@code width × height}, scaled back and clipped.
     */
    public static Candidates fromStretched(Candidates candidates, int inputWidth, int inputHeight, int width,
            int height) {
        float[] in = candidates.xyxy();
        float[] out = new float[in.length];
        double sx = (double) width / inputWidth;
        double sy = (double) height / inputHeight;
        for (int i = 0; i < in.length; i += 4) {
            out[i] = clip(in[i] * sx, width);
            out[i + 1] = clip(in[i + 1] * sy, height);
            out[i + 2] = clip(in[i + 2] * sx, width);
            out[i + 3] = clip(in[i + 3] * sy, height);
        }
        return Candidates.of(out, candidates.scores().clone(), candidates.classes().clone());
    }

    private static float clip(double v, int size) {
        return (float) Math.max(0, Math.min(size, v));
    }
}
