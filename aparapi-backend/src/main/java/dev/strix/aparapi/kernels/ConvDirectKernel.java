package dev.strix.aparapi.kernels;

/**
 * 2-D convolution for narrow groups (fewer than 4 output channels per group, such as depthwise): each work item
 * computes 4 consecutive output pixels of one output channel, sharing every weight load between them, where
 * {@link ConvKernel}'s 4-channel tiles would waste work. Weight [out, in/groups, kh, kw].
 */
public final class ConvDirectKernel extends ConvolutionKernel {
    @Override
    protected void compute(int id) {
        int pixels = outHeight * outWidth;
        int pixelBlocks = (pixels + 3) / 4;
        int pb = id % pixelBlocks;
        int rest = id / pixelBlocks;
        int oc = rest % outChannels;
        int image = rest / outChannels;
        int icg = channels / groups;
        int g = oc / (outChannels / groups);
        int plane = height * width;
        int xBase = (image * channels + g * icg) * plane;
        int wBase = oc * icg * kernelH * kernelW;
        int p0 = pb * 4;
        int p1 = min(p0 + 1, pixels - 1);
        int p2 = min(p0 + 2, pixels - 1);
        int p3 = min(p0 + 3, pixels - 1);
        int iy0 = (p0 / outWidth) * strideH - padTop;
        int iy1 = (p1 / outWidth) * strideH - padTop;
        int iy2 = (p2 / outWidth) * strideH - padTop;
        int iy3 = (p3 / outWidth) * strideH - padTop;
        int ix0 = (p0 % outWidth) * strideW - padLeft;
        int ix1 = (p1 % outWidth) * strideW - padLeft;
        int ix2 = (p2 % outWidth) * strideW - padLeft;
        int ix3 = (p3 % outWidth) * strideW - padLeft;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int ky = 0; ky < kernelH; ky++) {
            int dy = ky * dilationH;
            int y0 = iy0 + dy;
            int y1 = iy1 + dy;
            int y2 = iy2 + dy;
            int y3 = iy3 + dy;
            for (int kx = 0; kx < kernelW; kx++) {
                int dx = kx * dilationW;
                int x0 = ix0 + dx;
                int x1 = ix1 + dx;
                int x2 = ix2 + dx;
                int x3 = ix3 + dx;
                // An out-of-image tap reads offset 0 and multiplies it by 0: no branch in the inner loop.
                float m0 = (y0 >= 0 && y0 < height && x0 >= 0 && x0 < width) ? 1f : 0f;
                float m1 = (y1 >= 0 && y1 < height && x1 >= 0 && x1 < width) ? 1f : 0f;
                float m2 = (y2 >= 0 && y2 < height && x2 >= 0 && x2 < width) ? 1f : 0f;
                float m3 = (y3 >= 0 && y3 < height && x3 >= 0 && x3 < width) ? 1f : 0f;
                int o0 = m0 > 0f ? y0 * width + x0 : 0;
                int o1 = m1 > 0f ? y1 * width + x1 : 0;
                int o2 = m2 > 0f ? y2 * width + x2 : 0;
                int o3 = m3 > 0f ? y3 * width + x3 : 0;
                int tap = ky * kernelW + kx;
                for (int ic = 0; ic < icg; ic++) {
                    int xo = xBase + ic * plane;
                    float wv = w[wBase + ic * kernelH * kernelW + tap];
                    s0 += wv * x[xo + o0] * m0;
                    s1 += wv * x[xo + o1] * m1;
                    s2 += wv * x[xo + o2] * m2;
                    s3 += wv * x[xo + o3] * m3;
                }
            }
        }
        float b = hasBias == 1 ? bias[oc] : 0f;
        int o = (image * outChannels + oc) * pixels + p0;
        int count = min(4, pixels - p0);
        y[o] = activate(act, alpha, s0 + b);
        if (count > 1) {
            y[o + 1] = activate(act, alpha, s1 + b);
        }
        if (count > 2) {
            y[o + 2] = activate(act, alpha, s2 + b);
        }
        if (count > 3) {
            y[o + 3] = activate(act, alpha, s3 + b);
        }
    }
}
