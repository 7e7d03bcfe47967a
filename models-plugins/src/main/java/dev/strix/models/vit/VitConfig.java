package dev.strix.models.vit;

/**
 * One row of the ViT table: the encoder's shape.
 *
 * @param patchSize side of the square patches the image is cut into
 * @param layers number of encoder blocks
 * @param heads attention heads per block
 * @param hiddenDim token width (embedding dimension)
 * @param mlpDim hidden width of each block's MLP
 */
public record VitConfig(int patchSize, int layers, int heads, int hiddenDim, int mlpDim) {}
