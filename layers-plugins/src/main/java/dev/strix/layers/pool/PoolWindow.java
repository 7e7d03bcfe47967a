package dev.strix.layers.pool;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.layers.LayerChecks;
import dev.strix.layers.Window2d;

/**
 * Pooling geometry as PyTorch defines it: symmetric padding of at most half the kernel, stride defaulting to the
 * kernel, and ceil_mode, where the last window must still start inside the input or the left padding.
 */
record PoolWindow(Window2d window, boolean ceilMode, int outH, int outW) {

    static PoolWindow of(Shape x, Attributes a, boolean dilation) {
        Window2d w = Window2d.read(a, null, false);
        if (!dilation && a.has("dilation")) {
            throw new ShapeException("attribute 'dilation' is not supported by this pooling layer");
        }
        if (w.padTop() > w.kernelH() / 2 || w.padLeft() > w.kernelW() / 2) {
            throw new ShapeException("attribute 'padding' [" + w.padTop() + ", " + w.padLeft()
                    + "] must be at most half of 'kernel_size' [" + w.kernelH() + ", " + w.kernelW() + "]");
        }
        boolean ceil = a.getBoolean("ceil_mode", false);
        int oh = size(x.dim(2), w.kernelH(), w.spanH(), w.strideH(), w.padTop(), ceil, "height");
        int ow = size(x.dim(3), w.kernelW(), w.spanW(), w.strideW(), w.padLeft(), ceil, "width");
        return new PoolWindow(w, ceil, oh, ow);
    }

    static Shape input(java.util.List<Shape> inputs) {
        return LayerChecks.single(inputs, 4, "[N,C,H,W]");
    }

    private static int size(int in, int k, int span, int stride, int pad, boolean ceil, String dim) {
        int room = in + 2 * pad - span;
        // PyTorch's pooling_output_shape: floor division, and in ceil mode a window that starts inside the input
        // may run past the padded end, so room down to -(stride - 1) still gives one output.
        int out = Math.floorDiv(ceil ? room + stride - 1 : room, stride) + 1;
        if (ceil && out > 1 && (out - 1) * stride >= in + pad) {
            out--;
        }
        if (out < 1) {
            throw new ShapeException("attribute 'kernel_size' " + k + (span != k ? " (dilated to " + span + ")" : "")
                    + " is larger than the padded input " + dim + " " + (in + 2 * pad));
        }
        return out;
    }

    Shape output(Shape x) {
        return Shape.of(x.dim(0), x.dim(1), outH, outW);
    }
}
