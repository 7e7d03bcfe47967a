package dev.strix.aparapi.layers;

import dev.strix.aparapi.kernels.ConvDirectKernel;
import dev.strix.aparapi.kernels.ConvKernel;
import dev.strix.aparapi.kernels.ConvolutionKernel;
import dev.strix.aparapi.kernels.MatrixKernel;
import dev.strix.aparapi.kernels.PaddedConvKernel;
import dev.strix.aparapi.kernels.PaddedConvolution;
import dev.strix.aparapi.kernels.PaddedDepthwiseKernel;
import dev.strix.aparapi.kernels.WideConvKernel;
import dev.strix.aparapi.runtime.Mode;
import dev.strix.aparapi.spi.NodeContext;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.layers.Window2d;

/**
 * Plans convolution launches: a padded copy and {@link PaddedConvKernel} (or {@link PaddedDepthwiseKernel}) for
 * stride 1 on OpenCL, {@link WideConvKernel}'s 8×4 tiles for other strides there, {@link ConvKernel}'s 4×4 tiles on
 * the thread pool, {@link ConvDirectKernel} for other narrow groups, a matrix product for 1×1 convolutions (on
 * OpenCL after a strided copy where they are strided).
 */
final class Convs {
    /** Floats after a padded copy's last plane (PaddedConvKernel's last vectors read into them). */
    static final int PADDED_SLACK = 64;

    private Convs() {}

    /** A conv2d node's window with "same" padding resolved as PyTorch does (the odd extra at bottom/right). */
    static Window2d window(Attributes a) {
        Window2d w = Window2d.read(a, new int[] {1, 1}, true);
        if (a.getString("padding_mode", "explicit").equals("same")) {
            int th = w.spanH() - 1;
            int tw = w.spanW() - 1;
            w = w.withPadding(th / 2, tw / 2, th - th / 2, tw - tw / 2);
        }
        return w;
    }

    /**
     * y = act(conv(x, weight) + bias) for x of shape {@code in} and y of shape {@code out}; weight and bias (may be
     * null) are constants.
     */
    static void conv(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y, Shape out,
            Window2d w, int groups, int act, float alpha) {
        if (isPointwise(w, groups)) {
            pointwise(node, x, in, weight, bias, y, out, act, alpha);
            return;
        }
        if (node.mode() == Mode.OPENCL && isStridedPointwise(w, groups)) {
            // ResNet's downsampling shortcut: the pixels it reads, gathered, then the vectorised matrix product
            // (WideConvKernel would compute it in scalars).
            int planes = in.dim(0) * in.dim(1);
            int h = in.dim(2);
            int wd = in.dim(3);
            int ho = out.dim(2);
            int wo = out.dim(3);
            float[] xs = new float[planes * ho * wo];
            Copies.copy(node, x, 0, new int[] {h * wd, w.strideH() * wd, w.strideW()}, xs, 0,
                    new int[] {ho * wo, wo, 1}, new int[] {planes, ho, wo}, false);
            pointwise(node, xs, in.with(2, ho).with(3, wo), weight, bias, y, out, act, alpha);
            return;
        }
        int ocg = out.dim(1) / groups;
        boolean depthwise = groups == in.dim(1) && ocg == 1;
        if ((ocg >= 8 || depthwise) && node.mode() == Mode.OPENCL && w.strideH() == 1 && w.strideW() == 1) {
            padded(node, x, in, weight, bias, y, out, w, groups, act, alpha, depthwise);
            return;
        }
        ConvolutionKernel k;
        int pixelBlocks = (out.dim(2) * out.dim(3) + 3) / 4;
        if (ocg >= 8 && node.mode() == Mode.OPENCL) {
            k = new WideConvKernel();
            k.n = in.dim(0) * groups * ((ocg + 7) / 8) * pixelBlocks;
        } else if (ocg >= 4) {
            k = new ConvKernel();
            k.n = in.dim(0) * groups * ((ocg + 3) / 4) * pixelBlocks;
        } else {
            k = new ConvDirectKernel();
            k.n = in.dim(0) * out.dim(1) * ((out.dim(2) * out.dim(3) + 3) / 4);
        }
        k.configure(x, in, weight, bias, y, out, w, groups, act, alpha);
        launch(node, k);
    }

    /**
     * A stride-1 convolution on OpenCL as a zero-padded copy of x ({@link Copies}) and {@link PaddedConvKernel}
     * (or {@link PaddedDepthwiseKernel}), whose reads are then consecutive and vectorise (see the README).
     */
    private static void padded(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, Window2d w, int groups, int act, float alpha, boolean depthwise) {
        int hp = in.dim(2) + w.padTop() + w.padBottom();
        int wp = in.dim(3) + w.padLeft() + w.padRight();
        int planes = in.dim(0) * in.dim(1);
        // Slack past the last plane: the last 16-position block reads up to 31 values beyond it. The copy writes
        // only the interior; the padding and slack, zero in the Java array, are uploaded once (a constant) and
        // never written, so they stay zero on the device and in every fetch.
        float[] xp = new float[Math.multiplyExact(planes, hp * wp) + PADDED_SLACK];
        Copies.copy(node, x, 0, new int[] {in.dim(2) * in.dim(3), in.dim(3), 1}, xp, w.padTop() * wp + w.padLeft(),
                new int[] {hp * wp, wp, 1}, new int[] {planes, in.dim(2), in.dim(3)}, false).constants(xp);
        PaddedConvolution k = depthwise ? new PaddedDepthwiseKernel() : new PaddedConvKernel();
        k.configure(xp, in, weight, bias, y, out, w, groups, act, alpha);
        k.paddedHeight = hp;
        k.paddedWidth = wp;
        k.tapOffsets = new int[w.kernelH() * w.kernelW()];
        for (int ky = 0; ky < w.kernelH(); ky++) {
            for (int kx = 0; kx < w.kernelW(); kx++) {
                k.tapOffsets[ky * w.kernelW() + kx] = ky * w.dilationH() * wp + kx * w.dilationW();
            }
        }
        int ocg = out.dim(1) / groups;
        int positionBlocks = (out.dim(2) * wp + 15) / 16;
        k.n = depthwise ? planes * positionBlocks : in.dim(0) * groups * ((ocg + 7) / 8) * positionBlocks;
        launch(node, k);
        node.lastLaunch().constants(k.tapOffsets);
        if (k instanceof PaddedConvKernel c) {
            // Scratch that every launch writes before reading: uploaded once (zeros), never fetched.
            c.tiles = new float[Math.multiplyExact(k.n, PaddedConvKernel.TILE_FLOATS)];
            node.lastLaunch().constants(c.tiles);
        }
    }

    /** A 1×1 convolution with a stride above 1, no padding and one group: a subsample, then a matrix product. */
    private static boolean isStridedPointwise(Window2d w, int groups) {
        return groups == 1 && w.kernelH() == 1 && w.kernelW() == 1 && (w.strideH() > 1 || w.strideW() > 1)
                && w.padTop() == 0 && w.padLeft() == 0 && w.padBottom() == 0 && w.padRight() == 0;
    }

    /** A 1×1 convolution with stride 1, no padding and one group: a matrix product per image. */
    private static boolean isPointwise(Window2d w, int groups) {
        return groups == 1 && w.kernelH() == 1 && w.kernelW() == 1 && w.strideH() == 1 && w.strideW() == 1
                && w.padTop() == 0 && w.padLeft() == 0 && w.padBottom() == 0 && w.padRight() == 0;
    }

    /**
     * y[n] = weight [out, C] · x[n] [C, H·W] (+ bias per row) on a {@link MatrixKernel}: no tap loop and no padding
     * masks, which makes ResNet's many 1×1 convolutions faster on both targets than {@link ConvKernel}'s tiles.
     */
    private static void pointwise(NodeContext node, float[] x, Shape in, float[] weight, float[] bias, float[] y,
            Shape out, int act, float alpha) {
        int images = in.dim(0);
        int channels = in.dim(1);
        int pixels = in.dim(2) * in.dim(3);
        int[] aOffsets = new int[images];
        int[] bOffsets = new int[images];
        for (int i = 0; i < images; i++) {
            bOffsets[i] = i * channels * pixels;
        }
        MatrixKernel k = Gemms.gemm(node, weight, aOffsets, x, bOffsets, y, out.dim(1), pixels, channels, channels,
                pixels, false, bias, MatrixKernel.BIAS_ROW);
        k.act = act;
        k.alpha = alpha;
        node.lastLaunch().constants(weight).reads(x);
    }

    /** Launches a configured convolution kernel: weight and bias once, x every run. */
    static void launch(NodeContext node, ConvolutionKernel k) {
        node.launch(k, k.n).constants(k.w, k.bias).reads(k.x).writes(k.y);
    }
}
