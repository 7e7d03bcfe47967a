package dev.strix.aparapi.kernels;

/**
 * xs[plane][oy][ox] = x[plane][oy·stride][ox·stride]: the pixels a 1×1 convolution with that stride (ResNet's
 * downsampling shortcut) reads, so it can run as a matrix product; one work item per output row.
 */
public final class SubsampleKernel extends StrixKernel {
    public float[] x;
    public float[] xs;
    public int height;
    public int width;
    public int outHeight;
    public int outWidth;
    public int strideH;
    public int strideW;

    @Override
    protected void compute(int id) {
        int oy = id % outHeight;
        int plane = id / outHeight;
        int in = (plane * height + oy * strideH) * width;
        int out = (plane * outHeight + oy) * outWidth;
        for (int ox = 0; ox < outWidth; ox++) {
            xs[out + ox] = x[in + ox * strideW];
        }
    }
}
