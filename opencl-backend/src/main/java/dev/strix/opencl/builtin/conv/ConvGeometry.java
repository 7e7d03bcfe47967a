package dev.strix.opencl.builtin.conv;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.ShapeException;

/**
 * The window arithmetic of a conv2d node, read from its attributes as LAYERS.md defines them (padding int, int[2]
 * or int[4] [top, left, bottom, right]; padding_mode "explicit", "same" or "valid").
 */
public record ConvGeometry(int n, int c, int h, int w, int o, int ho, int wo, int kh, int kw, int sh, int sw,
        int pt, int pl, int pb, int pr, int dh, int dw, int groups) {

    public static ConvGeometry of(Attributes a, Shape in, Shape out) {
        int[] k = a.getInts("kernel_size", 2, 1);
        int[] s = a.getInts("stride", 2, 1);
        int[] d = a.getInts("dilation", 2, 1);
        int[] pad = pads(a, k, d);
        return new ConvGeometry(in.dim(0), in.dim(1), in.dim(2), in.dim(3), out.dim(1), out.dim(2), out.dim(3), k[0],
                k[1], s[0], s[1], pad[0], pad[1], pad[2], pad[3], d[0], d[1], a.getInt("groups", 1));
    }

    /** [top, left, bottom, right]. */
    static int[] pads(Attributes a, int[] k, int[] d) {
        String mode = a.getString("padding_mode", "explicit");
        switch (mode) {
            case "valid":
                return new int[4];
            case "same": {
                int th = d[0] * (k[0] - 1);
                int tw = d[1] * (k[1] - 1);
                return new int[] {th / 2, tw / 2, th - th / 2, tw - tw / 2};
            }
            case "explicit": {
                int[] p = a.getInts("padding", 0);
                if (p.length == 1) {
                    return new int[] {p[0], p[0], p[0], p[0]};
                }
                if (p.length == 2) {
                    return new int[] {p[0], p[1], p[0], p[1]};
                }
                if (p.length == 4) {
                    return p;
                }
                throw new ShapeException("padding must have 1, 2 or 4 values");
            }
            default:
                throw new ShapeException("padding_mode '" + mode + "' is not explicit, same or valid");
        }
    }

    /** Output positions per image. */
    public int p() {
        return ho * wo;
    }

    /** Whether the convolution reads each input pixel once in place: 1×1, stride 1, no padding, one group. */
    public boolean pointwise() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && pt == 0 && pl == 0 && pb == 0 && pr == 0 && groups == 1;
    }

    /** One group per input channel. */
    public boolean depthwise() {
        return groups > 1 && groups == c && o % c == 0;
    }
}
