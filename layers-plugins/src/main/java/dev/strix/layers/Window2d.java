package dev.strix.layers;

import dev.strix.api.Attributes;
import dev.strix.api.ShapeException;
import java.util.Arrays;

/**
 * A sliding window over the last two dims of [N,C,H,W]: kernel, stride, dilation and padding as
 * [top, left, bottom, right]. Shared by convolutions and pooling, which read the same attributes.
 */
public record Window2d(int kernelH, int kernelW, int strideH, int strideW, int dilationH, int dilationW,
        int padTop, int padLeft, int padBottom, int padRight) {

    /**
     * Reads {@code kernel_size} (required), {@code stride} (default {@code defaultStride}, or the kernel when null),
     * {@code dilation} = 1 and {@code padding} = 0 (int, int[2] or, when {@code allowFourPads}, int[4] in ONNX's
     * order [top, left, bottom, right]). Sizes must be positive and padding non-negative.
     */
    public static Window2d read(Attributes a, int[] defaultStride, boolean allowFourPads) {
        int[] k = LayerChecks.positive("kernel_size", a.getInts("kernel_size", 2, 0));
        int[] s = defaultStride == null ? k : defaultStride;
        if (a.has("stride")) {
            s = a.getInts("stride", 2, 1);
        }
        LayerChecks.positive("stride", s);
        int[] d = LayerChecks.positive("dilation", a.getInts("dilation", 2, 1));
        int[] p = padding(a, allowFourPads);
        return new Window2d(k[0], k[1], s[0], s[1], d[0], d[1], p[0], p[1], p[2], p[3]);
    }

    /** The {@code padding} attribute as [top, left, bottom, right]; 0 when absent. */
    public static int[] padding(Attributes a, boolean allowFourPads) {
        if (!a.has("padding")) {
            return new int[4];
        }
        int[] p = LayerChecks.nonNegative("padding", a.getInts("padding"));
        return switch (p.length) {
            case 1 -> new int[] {p[0], p[0], p[0], p[0]};
            case 2 -> new int[] {p[0], p[1], p[0], p[1]};
            case 4 -> {
                if (!allowFourPads) {
                    throw new ShapeException("attribute 'padding' must be int or int[2], got " + Arrays.toString(p));
                }
                yield p;
            }
            default -> throw new ShapeException("attribute 'padding' must be int, int[2]"
                    + (allowFourPads ? " or int[4] [top, left, bottom, right]" : "") + ", got " + Arrays.toString(p));
        };
    }

    /** The same window with other padding. */
    public Window2d withPadding(int top, int left, int bottom, int right) {
        return new Window2d(kernelH, kernelW, strideH, strideW, dilationH, dilationW, top, left, bottom, right);
    }

    /** The extent of the dilated kernel along H. */
    public int spanH() {
        return dilationH * (kernelH - 1) + 1;
    }

    public int spanW() {
        return dilationW * (kernelW - 1) + 1;
    }

    /** Convolution output height, floor((H + pt + pb − span) / stride) + 1; fails if the kernel does not fit. */
    public int outH(int h) {
        return convolve(h, kernelH, spanH(), strideH, padTop + padBottom, "height");
    }

    public int outW(int w) {
        return convolve(w, kernelW, spanW(), strideW, padLeft + padRight, "width");
    }

    private static int convolve(int in, int k, int span, int stride, int pads, String dim) {
        if (span > in + pads) {
            throw new ShapeException("attribute 'kernel_size' " + k + (span != k ? " (dilated to " + span + ")" : "")
                    + " is larger than the padded input " + dim + " " + (in + pads));
        }
        return (in + pads - span) / stride + 1;
    }

    /** The first output index whose tap at offset {@code tap} (= k·dilation − pad) reads inside [0, in). */
    public static int firstValid(int tap, int stride) {
        return tap >= 0 ? 0 : Math.floorDiv(-tap + stride - 1, stride);
    }

    /** One past the last output index (capped at {@code out}) whose tap reads inside [0, in). */
    public static int endValid(int tap, int stride, int in, int out) {
        int last = Math.floorDiv(in - 1 - tap, stride);
        return Math.max(0, Math.min(out, last + 1));
    }
}
