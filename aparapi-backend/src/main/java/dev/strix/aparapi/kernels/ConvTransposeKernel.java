package dev.strix.aparapi.kernels;

/**
 * Transposed 2-D convolution gathered per output value: y[n, o, oy, ox] sums x[n, c, iy, ix] · w[c, o', ky, kx] over
 * the taps with oy = iy·stride − pad + ky·dilation (likewise for x). Weight layout [in, out/groups, kh, kw].
 */
public final class ConvTransposeKernel extends ConvolutionKernel {
    @Override
    protected void compute(int id) {
        int ox = id % outWidth;
        int rest = id / outWidth;
        int oy = rest % outHeight;
        rest = rest / outHeight;
        int oc = rest % outChannels;
        int image = rest / outChannels;
        int icg = channels / groups;
        int ocg = outChannels / groups;
        int g = oc / ocg;
        int o = oc - g * ocg;
        float s = hasBias == 1 ? bias[oc] : 0f;
        for (int ic = g * icg; ic < (g + 1) * icg; ic++) {
            int xBase = (image * channels + ic) * height * width;
            int wBase = (ic * ocg + o) * kernelH * kernelW;
            for (int ky = 0; ky < kernelH; ky++) {
                int ty = oy + padTop - ky * dilationH;
                int iy = ty / strideH;
                if (ty >= 0 && iy * strideH == ty && iy < height) {
                    for (int kx = 0; kx < kernelW; kx++) {
                        int tx = ox + padLeft - kx * dilationW;
                        int ix = tx / strideW;
                        if (tx >= 0 && ix * strideW == tx && ix < width) {
                            s += x[xBase + iy * width + ix] * w[wBase + ky * kernelW + kx];
                        }
                    }
                }
            }
        }
        y[id] = s;
    }
}
