package dev.strix.aparapi.kernels;

/**
 * 2-D convolution as a register-tiled matrix product: each work item computes 4 output channels × 4 output pixels
 * of one image and group, so every input value it loads feeds 4 multiply-adds and every weight 4 more (the
 * GEMM-style inner loop; no im2col buffer). Tiles at the edges clamp their indices and skip the extra writes.
 * Bias and an activation are applied before the write. Weight layout is PyTorch's [out, in/groups, kh, kw].
 */
public final class ConvKernel extends ConvolutionKernel {
    @Override
    protected void compute(int id) {
        int icg = channels / groups;
        int ocg = outChannels / groups;
        int pixels = outHeight * outWidth;
        int pixelBlocks = (pixels + 3) / 4;
        int ocBlocks = (ocg + 3) / 4;
        int pb = id % pixelBlocks;
        int rest = id / pixelBlocks;
        int ob = rest % ocBlocks;
        rest = rest / ocBlocks;
        int g = rest % groups;
        int image = rest / groups;

        int ocCount = min(4, ocg - ob * 4);
        int oc0 = g * ocg + ob * 4;
        int oc1 = oc0 + min(1, ocCount - 1);
        int oc2 = oc0 + min(2, ocCount - 1);
        int oc3 = oc0 + min(3, ocCount - 1);
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

        int plane = height * width;
        int taps = kernelH * kernelW;
        int xBase = (image * channels + g * icg) * plane;
        int wStride = icg * taps;
        int w0 = oc0 * wStride;
        int w1 = oc1 * wStride;
        int w2 = oc2 * wStride;
        int w3 = oc3 * wStride;

        float s00 = 0f, s01 = 0f, s02 = 0f, s03 = 0f;
        float s10 = 0f, s11 = 0f, s12 = 0f, s13 = 0f;
        float s20 = 0f, s21 = 0f, s22 = 0f, s23 = 0f;
        float s30 = 0f, s31 = 0f, s32 = 0f, s33 = 0f;
        for (int ky = 0; ky < kernelH; ky++) {
            int dy = ky * dilationH;
            for (int kx = 0; kx < kernelW; kx++) {
                int dx = kx * dilationW;
                int y0 = iy0 + dy, y1 = iy1 + dy, y2 = iy2 + dy, y3 = iy3 + dy;
                int x0 = ix0 + dx, x1 = ix1 + dx, x2 = ix2 + dx, x3 = ix3 + dx;
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
                    float a0 = x[xo + o0] * m0;
                    float a1 = x[xo + o1] * m1;
                    float a2 = x[xo + o2] * m2;
                    float a3 = x[xo + o3] * m3;
                    int wo = ic * taps + tap;
                    float b0 = w[w0 + wo];
                    float b1 = w[w1 + wo];
                    float b2 = w[w2 + wo];
                    float b3 = w[w3 + wo];
                    s00 += b0 * a0; s01 += b0 * a1; s02 += b0 * a2; s03 += b0 * a3;
                    s10 += b1 * a0; s11 += b1 * a1; s12 += b1 * a2; s13 += b1 * a3;
                    s20 += b2 * a0; s21 += b2 * a1; s22 += b2 * a2; s23 += b2 * a3;
                    s30 += b3 * a0; s31 += b3 * a1; s32 += b3 * a2; s33 += b3 * a3;
                }
            }
        }
        int yBase = image * outChannels * pixels;
        int pCount = min(4, pixels - p0);
        store(yBase, oc0, p0, pCount, s00, s01, s02, s03);
        if (ocCount > 1) {
            store(yBase, oc0 + 1, p0, pCount, s10, s11, s12, s13);
        }
        if (ocCount > 2) {
            store(yBase, oc0 + 2, p0, pCount, s20, s21, s22, s23);
        }
        if (ocCount > 3) {
            store(yBase, oc0 + 3, p0, pCount, s30, s31, s32, s33);
        }
    }
}
