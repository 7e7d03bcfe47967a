package dev.strix.aparapi.kernels;

/**
 * Copies x [planes, H, W] into the zero-padded xp [planes, Hp, Wp] (top and left padding given, the rest of each
 * padded row and plane zero) for {@link PaddedConvKernel}; one work item per padded row. Cells past the last plane
 * (the slack the convolution's last vectors may read) are never written and stay zero.
 */
public final class PadKernel extends StrixKernel {
    public float[] x;
    public float[] xp;
    public int height;
    public int width;
    public int paddedHeight;
    public int paddedWidth;
    public int padTop;
    public int padLeft;

    @Override
    protected void compute(int id) {
        int py = id % paddedHeight;
        int plane = id / paddedHeight;
        int iy = py - padTop;
        int out = (plane * paddedHeight + py) * paddedWidth;
        if (iy < 0 || iy >= height) {
            for (int px = 0; px < paddedWidth; px++) {
                xp[out + px] = 0f;
            }
        } else {
            int in = (plane * height + iy) * width;
            for (int px = 0; px < padLeft; px++) {
                xp[out + px] = 0f;
            }
            for (int ix = 0; ix < width; ix++) {
                xp[out + padLeft + ix] = x[in + ix];
            }
            for (int px = padLeft + width; px < paddedWidth; px++) {
                xp[out + px] = 0f;
            }
        }
    }
}
