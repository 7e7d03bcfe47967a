package dev.strix.aparapi.kernels;

import dev.strix.api.Shape;
import dev.strix.layers.Window2d;

/**
 * The arrays and geometry every convolution kernel reads: x [N, C, H, W], the weight, an optional bias and y
 * [N, out, Ho, Wo], with kernel, stride, padding, dilation and groups. {@link #configure} fills them on the host;
 * Aparapi only translates what {@code run()} reaches.
 */
public abstract class ConvolutionKernel extends StrixKernel {
    public float[] x;
    public float[] w;
    public float[] bias;
    public float[] y;
    public int channels;
    public int height;
    public int width;
    public int outChannels;
    public int outHeight;
    public int outWidth;
    public int groups;
    public int kernelH;
    public int kernelW;
    public int strideH;
    public int strideW;
    public int padTop;
    public int padLeft;
    public int dilationH;
    public int dilationW;
    public int hasBias;
    public int act;
    public float alpha;

    /** Sets every field but {@link #n} and {@link #span}; a null bias becomes a one-element placeholder (Aparapi needs every array). */
    public void configure(float[] input, Shape in, float[] weight, float[] biasOrNull, float[] output, Shape out,
            Window2d window, int groupCount, int activation, float activationAlpha) {
        x = input;
        w = weight;
        bias = biasOrNull == null ? new float[1] : biasOrNull;
        hasBias = biasOrNull == null ? 0 : 1;
        y = output;
        channels = in.dim(1);
        height = in.dim(2);
        width = in.dim(3);
        outChannels = out.dim(1);
        outHeight = out.dim(2);
        outWidth = out.dim(3);
        groups = groupCount;
        kernelH = window.kernelH();
        kernelW = window.kernelW();
        strideH = window.strideH();
        strideW = window.strideW();
        padTop = window.padTop();
        padLeft = window.padLeft();
        dilationH = window.dilationH();
        dilationW = window.dilationW();
        act = activation;
        alpha = activationAlpha;
    }

    /** Writes 4 consecutive pixels of channel {@code oc} (the first {@code pCount}), with bias and activation. */
    protected final void store(int yBase, int oc, int p0, int pCount, float v0, float v1, float v2, float v3) {
        float b = hasBias == 1 ? bias[oc] : 0f;
        int o = yBase + oc * outHeight * outWidth + p0;
        y[o] = activate(act, alpha, v0 + b);
        if (pCount > 1) {
            y[o + 1] = activate(act, alpha, v1 + b);
        }
        if (pCount > 2) {
            y[o + 2] = activate(act, alpha, v2 + b);
        }
        if (pCount > 3) {
            y[o + 3] = activate(act, alpha, v3 + b);
        }
    }
}
