package dev.strix.aparapi.kernels;

/**
 * 2-D convolution, one output value per work item: for depthwise and other narrow groups (fewer than 4 output
 * channels per group) where {@link ConvKernel}'s 4-channel tiles would waste work. Weight [out, in/groups, kh, kw].
 */
public final class ConvDirectKernel extends ConvolutionKernel {
    @Override
    protected void compute(int id) {
        int ox = id % outWidth;
        int rest = id / outWidth;
        int oy = rest % outHeight;
        rest = rest / outHeight;
        int oc = rest % outChannels;
        int image = rest / outChannels;
        int icg = channels / groups;
        int g = oc / (outChannels / groups);
        int plane = height * width;
        int xBase = (image * channels + g * icg) * plane;
        int wBase = oc * icg * kernelH * kernelW;
        float s = hasBias == 1 ? bias[oc] : 0f;
        for (int ic = 0; ic < icg; ic++) {
            for (int ky = 0; ky < kernelH; ky++) {
                int iy = oy * strideH - padTop + ky * dilationH;
                if (iy >= 0 && iy < height) {
                    for (int kx = 0; kx < kernelW; kx++) {
                        int ix = ox * strideW - padLeft + kx * dilationW;
                        if (ix >= 0 && ix < width) {
                            s += x[xBase + ic * plane + iy * width + ix]
                                    * w[wBase + (ic * kernelH + ky) * kernelW + kx];
                        }
                    }
                }
            }
        }
        y[id] = activate(act, alpha, s);
    }
}
