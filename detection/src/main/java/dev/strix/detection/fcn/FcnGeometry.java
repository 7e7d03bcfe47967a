package dev.strix.detection.fcn;

import dev.strix.detection.box.Box;

/**
 * Where an FCN output cell looks. Cell (row, col) scores the window the original classifier would have seen at
 * {@code (col·strideX, row·strideY)} with the classifier's input size — exactly so when the backbone has no
 * padding (padded layers see real neighbouring pixels instead of zeros). The receptive field is the input region
 * that can influence cell (0, 0), which with padding reaches past the window.
 *
 * @param strideX step between output columns, in input pixels: the product of the backbone's strides
 * @param strideY step between output rows
 * @param windowWidth the classifier's input width
 * @param windowHeight the classifier's input height
 * @param fieldX left edge of cell (0, 0)'s receptive field (negative with padding)
 * @param fieldY top edge of that receptive field
 * @param fieldWidth receptive field width
 * @param fieldHeight receptive field height
 */
public record FcnGeometry(int strideX, int strideY, int windowWidth, int windowHeight, int fieldX, int fieldY,
        int fieldWidth, int fieldHeight) {

    /** The window of output cell ({@code row}, {@code col}), in input pixels. */
    public Box window(int row, int col) {
        return Box.xywh((double) col * strideX, (double) row * strideY, windowWidth, windowHeight);
    }
}
