package dev.strix.layers.attention;

import dev.strix.api.IntTensor;
import dev.strix.api.Shape;

/**
 * Swin's {@code relative_position_index}: for query token i = (a₁, b₁) and key token j = (a₂, b₂) of a wh×ww window
 * (row-major), the row of the bias table for their offset, (a₁ − a₂ + wh − 1)·(2ww − 1) + (b₁ − b₂ + ww − 1),
 * stored flat at i·(wh·ww) + j — the buffer torchvision's ShiftedWindowAttention registers.
 */
public final class RelativePositionIndex {
    private RelativePositionIndex() {}

    /** The index buffer [wh·ww·wh·ww] for a window of {@code wh} × {@code ww}. */
    public static IntTensor of(int wh, int ww) {
        int tokens = wh * ww;
        long[] index = new long[tokens * tokens];
        for (int i = 0; i < tokens; i++) {
            for (int j = 0; j < tokens; j++) {
                int dh = i / ww - j / ww + wh - 1;
                int dw = i % ww - j % ww + ww - 1;
                index[i * tokens + j] = (long) dh * (2 * ww - 1) + dw;
            }
        }
        return new IntTensor(Shape.of(tokens * tokens), index);
    }
}
