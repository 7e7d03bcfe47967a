package dev.strix.layers.conv;

import dev.strix.api.Parallel;
import dev.strix.api.Tensor;
import dev.strix.layers.Window2d;

/**
 * The reference convolution: one task per image and block of output channels accumulates its output planes tap by
 * tap, so the innermost loop runs along contiguous output (and, at stride 1, input) memory and the planes stay in
 * cache. Padding is never materialised: each tap visits only the outputs whose input lies inside the image.
 */
final class DirectConvolution {
    /** Output channels per task on the contiguous-run path: each input value loaded feeds this many sums. */
    private static final int BLOCK = 4;

    private final float[] x;
    private final float[] weight;
    private final float[] bias;
    private final float[] y;
    private final int channels;
    private final int height;
    private final int width;
    private final int outChannels;
    private final int outH;
    private final int outW;
    private final int groups;
    private final Window2d w;
    /**
     * At stride 1 with output rows as wide as input rows, output (oy, ox) reads input (oy + tapY, ox + tapX): one
     * fixed offset, so a tap can sweep all its rows as one long contiguous run (see {@link #tapAsOneRun}).
     */
    private final boolean runs;
    private final int block;

    DirectConvolution(Tensor x, Tensor weight, Tensor bias, Tensor y, int groups, Window2d window) {
        this.x = x.data();
        this.weight = weight.data();
        this.bias = bias == null ? null : bias.data();
        this.y = y.data();
        this.channels = x.shape().dim(1);
        this.height = x.shape().dim(2);
        this.width = x.shape().dim(3);
        this.outChannels = y.shape().dim(1);
        this.outH = y.shape().dim(2);
        this.outW = y.shape().dim(3);
        this.groups = groups;
        this.w = window;
        this.runs = w.strideH() == 1 && w.strideW() == 1 && outW == width;
        this.block = runs && (outChannels / groups) % BLOCK == 0 ? BLOCK : 1;
    }

    void run() {
        int batch = y.length / (outChannels * outH * outW);
        Parallel.forRange(batch * outChannels / block, this::planes);
    }

    /** Output planes {@code job·block} … {@code job·block + block − 1} (as n·outChannels + oc), one group. */
    private void planes(int job) {
        int first = job * block;
        int n = first / outChannels;
        int oc = first % outChannels;
        int perGroup = channels / groups;
        int firstChannel = oc / (outChannels / groups) * perGroup;
        int plane = outH * outW;
        int yOff = first * plane;
        for (int j = 0; j < block; j++) {
            float b = bias == null ? 0f : bias[oc + j];
            for (int i = 0; i < plane; i++) {
                y[yOff + j * plane + i] = b;
            }
        }
        int kh = w.kernelH();
        int kw = w.kernelW();
        float[] gaps = runs ? new float[block * outH * w.spanW()] : null;
        float[] wv = new float[block];
        for (int icg = 0; icg < perGroup; icg++) {
            int xOff = (n * channels + firstChannel + icg) * height * width;
            for (int ky = 0; ky < kh; ky++) {
                int tapY = ky * w.dilationH() - w.padTop();
                int oyStart = Window2d.firstValid(tapY, w.strideH());
                int oyEnd = Window2d.endValid(tapY, w.strideH(), height, outH);
                for (int kx = 0; kx < kw; kx++) {
                    int tapX = kx * w.dilationW() - w.padLeft();
                    int oxStart = Window2d.firstValid(tapX, w.strideW());
                    int oxEnd = Window2d.endValid(tapX, w.strideW(), width, outW);
                    if (oyStart >= oyEnd || oxStart >= oxEnd) {
                        continue;
                    }
                    for (int j = 0; j < block; j++) {
                        wv[j] = weight[(((oc + j) * perGroup + icg) * kh + ky) * kw + kx];
                    }
                    if (runs) {
                        tapAsOneRun(wv, xOff + tapY * width + tapX, yOff, oyStart, oyEnd, oxStart, oxEnd, gaps);
                    } else {
                        tapByRows(wv[0], xOff, tapY, tapX, yOff, oyStart, oyEnd, oxStart, oxEnd);
                    }
                }
            }
        }
    }

    /**
     * Adds one tap to the block's planes over outputs [oyStart, oyEnd) × [oxStart, oxEnd) as a single loop over the
     * flat range from the first to the last valid output. Between rows that range crosses cells whose input lies
     * in the padding; their values are saved before and restored after, so they end exactly as if skipped.
     */
    private void tapAsOneRun(float[] wv, int shift, int yOff, int oyStart, int oyEnd, int oxStart, int oxEnd,
            float[] gaps) {
        int plane = outH * outW;
        int gap = outW - (oxEnd - oxStart);
        boolean hasGaps = gap > 0 && oyEnd - oyStart > 1;
        if (hasGaps) {
            copyGaps(yOff, oyStart, oyEnd, oxEnd, gap, gaps, true);
        }
        int first = yOff + oyStart * outW + oxStart;
        int last = yOff + (oyEnd - 1) * outW + oxEnd;
        int in = shift - yOff;
        if (block == BLOCK) {
            float w0 = wv[0];
            float w1 = wv[1];
            float w2 = wv[2];
            float w3 = wv[3];
            for (int i = first; i < last; i++) {
                float v = x[in + i];
                y[i] += w0 * v;
                y[i + plane] += w1 * v;
                y[i + 2 * plane] += w2 * v;
                y[i + 3 * plane] += w3 * v;
            }
        } else {
            float w0 = wv[0];
            for (int i = first; i < last; i++) {
                y[i] += w0 * x[in + i];
            }
        }
        if (hasGaps) {
            copyGaps(yOff, oyStart, oyEnd, oxEnd, gap, gaps, false);
        }
    }

    /** Saves (or restores) the cells between consecutive valid row segments of every plane in the block. */
    private void copyGaps(int yOff, int oyStart, int oyEnd, int oxEnd, int gap, float[] gaps, boolean save) {
        int plane = outH * outW;
        int k = 0;
        for (int j = 0; j < block; j++) {
            for (int oy = oyStart; oy < oyEnd - 1; oy++) {
                int at = yOff + j * plane + oy * outW + oxEnd;
                if (save) {
                    System.arraycopy(y, at, gaps, k, gap);
                } else {
                    System.arraycopy(gaps, k, y, at, gap);
                }
                k += gap;
            }
        }
    }

    /** Adds one tap row by row: the general case (any stride, output narrower than the input); block is 1. */
    private void tapByRows(float wv, int xOff, int tapY, int tapX, int yOff, int oyStart, int oyEnd, int oxStart,
            int oxEnd) {
        int sh = w.strideH();
        int sw = w.strideW();
        for (int oy = oyStart; oy < oyEnd; oy++) {
            int in = xOff + (oy * sh + tapY) * width + tapX;
            int out = yOff + oy * outW;
            if (sw == 1) {
                for (int ox = oxStart; ox < oxEnd; ox++) {
                    y[out + ox] += wv * x[in + ox];
                }
            } else {
                for (int ox = oxStart; ox < oxEnd; ox++) {
                    y[out + ox] += wv * x[in + ox * sw];
                }
            }
        }
    }
}
