package dev.strix.aparapi.kernels;

/**
 * Reads every output pixel from up to four input pixels through per-row and per-column tables computed on the
 * host: y = lerp(lerp(x[lo,lo'], x[lo,hi'], f'), lerp(x[hi,lo'], x[hi,hi'], f'), f). Bilinear upsampling uses all
 * of it; nearest upsampling has lo = hi; padding marks rows and columns outside the input with −1 and writes
 * {@link #fill} there.
 */
public final class ResampleKernel extends StrixKernel {
    public float[] x;
    public float[] y;
    public int height;
    public int width;
    public int outHeight;
    public int outWidth;
    public int[] rowLo;
    public int[] rowHi;
    public float[] rowFrac;
    public int[] colLo;
    public int[] colHi;
    public float[] colFrac;
    public float fill;

    @Override
    protected void compute(int id) {
        int ox = id % outWidth;
        int rest = id / outWidth;
        int oy = rest % outHeight;
        int plane = rest / outHeight;
        int r0 = rowLo[oy];
        int c0 = colLo[ox];
        float v = fill;
        if (r0 >= 0 && c0 >= 0) {
            int base = plane * height * width;
            int r1 = rowHi[oy];
            int c1 = colHi[ox];
            float fr = rowFrac[oy];
            float fc = colFrac[ox];
            float top = (1f - fc) * x[base + r0 * width + c0] + fc * x[base + r0 * width + c1];
            float bottom = (1f - fc) * x[base + r1 * width + c0] + fc * x[base + r1 * width + c1];
            v = (1f - fr) * top + fr * bottom;
        }
        y[id] = v;
    }
}
