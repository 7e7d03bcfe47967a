package dev.strix.layers.conv;

import dev.strix.api.Parallel;
import dev.strix.api.Tensor;
import dev.strix.layers.Window2d;

/**
 * The reference convolution: one task per (image, output channel) accumulates its output plane tap by tap, so the
 * innermost loop runs along a contiguous output row (and, at stride 1, a contiguous input row) and the plane stays
 * in cache. Padding is never materialised: each tap visits only the outputs whose input lies inside the image.
 */
final class DirectConvolution {
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
    }

    void run() {
        int batch = y.length / (outChannels * outH * outW);
        Parallel.forRange(batch * outChannels, this::plane);
    }

    /** Output plane {@code job} = n·outChannels + oc. */
    private void plane(int job) {
        int n = job / outChannels;
        int oc = job % outChannels;
        int perGroup = channels / groups;
        int firstChannel = oc / (outChannels / groups) * perGroup;
        int plane = outH * outW;
        int yOff = job * plane;
        float b = bias == null ? 0f : bias[oc];
        for (int i = 0; i < plane; i++) {
            y[yOff + i] = b;
        }
        int kh = w.kernelH();
        int kw = w.kernelW();
        // At stride 1 with output rows as wide as input rows, output (oy, ox) reads input (oy + tapY, ox + tapX):
        // one fixed offset, so a tap can sweep all its rows as one long contiguous run (see tapAsOneRun).
        boolean runs = w.strideH() == 1 && w.strideW() == 1 && outW == width;
        float[] gaps = runs ? new float[outH * w.spanW()] : null;
        for (int icg = 0; icg < perGroup; icg++) {
            int xOff = (n * channels + firstChannel + icg) * height * width;
            int wOff = (oc * perGroup + icg) * kh * kw;
            for (int ky = 0; ky < kh; ky++) {
                int tapY = ky * w.dilationH() - w.padTop();
                int oyStart = Window2d.firstValid(tapY, w.strideH());
                int oyEnd = Window2d.endValid(tapY, w.strideH(), height, outH);
                for (int kx = 0; kx < kw; kx++) {
                    float wv = weight[wOff + ky * kw + kx];
                    int tapX = kx * w.dilationW() - w.padLeft();
                    int oxStart = Window2d.firstValid(tapX, w.strideW());
                    int oxEnd = Window2d.endValid(tapX, w.strideW(), width, outW);
                    if (oyStart >= oyEnd || oxStart >= oxEnd) {
                        continue;
                    }
                    if (runs) {
                        tapAsOneRun(wv, xOff + tapY * width + tapX, yOff, oyStart, oyEnd, oxStart, oxEnd, gaps);
                    } else {
                        tapByRows(wv, xOff, tapY, tapX, yOff, oyStart, oyEnd, oxStart, oxEnd);
                    }
                }
            }
        }
    }

    /**
     * Adds one tap over outputs [oyStart, oyEnd) × [oxStart, oxEnd) as a single loop over the flat range from the
     * first to the last valid output. Between rows that range crosses cells whose input lies in the padding; their
     * values are saved before and restored after, so they end exactly as if the loop had skipped them.
     */
    private void tapAsOneRun(float wv, int shift, int yOff, int oyStart, int oyEnd, int oxStart, int oxEnd,
            float[] gaps) {
        int gap = outW - (oxEnd - oxStart);
        int saved = 0;
        for (int oy = oyStart; oy < oyEnd - 1 && gap > 0; oy++) {
            int from = yOff + oy * outW + oxEnd;
            System.arraycopy(y, from, gaps, saved, gap);
            saved += gap;
        }
        int first = yOff + oyStart * outW + oxStart;
        int last = yOff + (oyEnd - 1) * outW + oxEnd;
        int in = shift - yOff;
        for (int i = first; i < last; i++) {
            y[i] += wv * x[in + i];
        }
        saved = 0;
        for (int oy = oyStart; oy < oyEnd - 1 && gap > 0; oy++) {
            System.arraycopy(gaps, saved, y, yOff + oy * outW + oxEnd, gap);
            saved += gap;
        }
    }

    /** Adds one tap row by row: the general case (any stride, output narrower than the input). */
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
