package dev.strix.aparapi.kernels;

/**
 * 2-D pooling, one output value per work item: max (with dilation; NaN wins, as in PyTorch), average (PyTorch's
 * divisor: the window clipped to the padded input, or to the input without count_include_pad) and adaptive
 * average (window floor(i·H/o) … ceil((i+1)·H/o)).
 */
public final class PoolKernel extends StrixKernel {
    public static final int MAX = 0;
    public static final int AVG = 1;
    public static final int ADAPTIVE_AVG = 2;

    public float[] x;
    public float[] y;
    public int op;
    public int height;
    public int width;
    public int outHeight;
    public int outWidth;
    public int kernelH;
    public int kernelW;
    public int strideH;
    public int strideW;
    public int padTop;
    public int padLeft;
    public int dilationH;
    public int dilationW;
    public int includePad;

    @Override
    protected void compute(int id) {
        int ox = id % outWidth;
        int rest = id / outWidth;
        int oy = rest % outHeight;
        int plane = rest / outHeight;
        int base = plane * height * width;
        float r = 0f;
        if (op == MAX) {
            r = LOWEST;
            for (int ky = 0; ky < kernelH; ky++) {
                int iy = oy * strideH - padTop + ky * dilationH;
                if (iy >= 0 && iy < height) {
                    for (int kx = 0; kx < kernelW; kx++) {
                        int ix = ox * strideW - padLeft + kx * dilationW;
                        if (ix >= 0 && ix < width) {
                            float v = x[base + iy * width + ix];
                            if (v > r || v != v) {
                                r = v;
                            }
                        }
                    }
                }
            }
        } else {
            int y0 = 0;
            int y1 = 0;
            int x0 = 0;
            int x1 = 0;
            int count = 0;
            if (op == AVG) {
                y0 = oy * strideH - padTop;
                y1 = min(y0 + kernelH, height + padTop);
                x0 = ox * strideW - padLeft;
                x1 = min(x0 + kernelW, width + padLeft);
                int padded = (y1 - y0) * (x1 - x0);
                y0 = max(y0, 0);
                x0 = max(x0, 0);
                y1 = min(y1, height);
                x1 = min(x1, width);
                count = includePad == 1 ? padded : (y1 - y0) * (x1 - x0);
            } else {
                y0 = (oy * height) / outHeight;
                y1 = ((oy + 1) * height + outHeight - 1) / outHeight;
                x0 = (ox * width) / outWidth;
                x1 = ((ox + 1) * width + outWidth - 1) / outWidth;
                count = (y1 - y0) * (x1 - x0);
            }
            float s = 0f;
            for (int iy = y0; iy < y1; iy++) {
                for (int ix = x0; ix < x1; ix++) {
                    s += x[base + iy * width + ix];
                }
            }
            r = (y1 > y0 && x1 > x0) ? s / count : 0f;
        }
        y[id] = r;
    }
}
