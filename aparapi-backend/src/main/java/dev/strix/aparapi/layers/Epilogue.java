package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.StrixKernel;

/**
 * What a producing kernel applies before it writes, so the nodes it absorbed cost no pass of their own: a following
 * batch norm as a per-channel scale and shift (folded into a convolution's weights and bias), a residual added
 * element by element, then an activation.
 *
 * @param scale per-channel scale, or null
 * @param shift per-channel shift, or null
 * @param residual an array of the output's shape added to it before the activation, or null
 * @param act the activation's op code ({@link StrixKernel#activate})
 * @param alpha leaky ReLU's slope or ELU's alpha
 */
record Epilogue(float[] scale, float[] shift, float[] residual, int act, float alpha) {
    static final Epilogue NONE = new Epilogue(null, null, null, StrixKernel.IDENTITY, 0f);
}
