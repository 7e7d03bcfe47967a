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
        int sh = w.strideH();
        int sw = w.strideW();
        for (int icg = 0; icg < perGroup; icg++) {
            int xOff = (n * channels + firstChannel + icg) * height * width;
            int wOff = (oc * perGroup + icg) * kh * kw;
            for (int ky = 0; ky < kh; ky++) {
                int tapY = ky * w.dilationH() - w.padTop();
                int oyStart = Window2d.firstValid(tapY, sh);
                int oyEnd = Window2d.endValid(tapY, sh, height, outH);
                for (int kx = 0; kx < kw; kx++) {
                    float wv = weight[wOff + ky * kw + kx];
                    int tapX = kx * w.dilationW() - w.padLeft();
                    int oxStart = Window2d.firstValid(tapX, sw);
                    int oxEnd = Window2d.endValid(tapX, sw, width, outW);
                    if (sh == 1 && sw == 1 && tapX == 0 && outW == width) {
                        // The tap reads whole rows, so rows oyStart..oyEnd form one contiguous run in x and y:
                        // one long loop instead of many short ones (1x1 convolutions, small feature maps).
                        int in = xOff + (oyStart + tapY) * width;
                        int out = yOff + oyStart * outW;
                        int len = (oyEnd - oyStart) * outW;
                        for (int i = 0; i < len; i++) {
                            y[out + i] += wv * x[in + i];
                        }
                        continue;
                    }
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
        }
    }
}
