package dev.strix.detection.fcn;

import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.graph.Node;
import dev.strix.api.graph.Value;
import dev.strix.detection.DetectionException;
import java.util.Map;

/**
 * Receptive-field arithmetic per node: {stride y, stride x, field top, field left, field height, field width} of
 * one output cell in input pixels. Convolutions and pools change it by their kernel, stride, padding and
 * dilation; any other layer must keep the spatial size, or the conversion cannot say where a cell looks.
 */
final class Receptive {
    private Receptive() {}

    static int[] through(Node n, Map<String, int[]> known) {
        int[] in = known.get(n.inputs().get(0).producer());
        for (Value v : n.inputs()) {
            int[] other = known.get(v.producer());
            if (other != null && (other[0] != in[0] || other[1] != in[1])) {
                throw new DetectionException("node '" + n.name() + "' joins maps of strides " + in[1] + "×" + in[0]
                        + " and " + other[1] + "×" + other[0] + "; the FCN stride is ambiguous");
            }
        }
        String type = n.type().name();
        Attributes a = n.attributes();
        switch (type) {
            case "conv2d" -> {
                int[] k = a.getInts("kernel_size", 2, 1);
                return step(in, k, a.getInts("stride", 2, 1), convPadding(a, k), a.getInts("dilation", 2, 1));
            }
            case "max_pool2d", "avg_pool2d" -> {
                int[] k = a.getInts("kernel_size", 2, 1);
                int[] p = a.getInts("padding", 2, 0);
                return step(in, k, a.has("stride") ? a.getInts("stride", 2, 1) : k, p,
                        a.getInts("dilation", 2, 1));
            }
            default -> {
                Shape i = n.inputShapes().get(0);
                Shape o = n.outputShapes().get(0);
                boolean same = i.rank() == 4 && o.rank() == 4 && i.dim(2) == o.dim(2) && i.dim(3) == o.dim(3);
                if (!same) {
                    throw new DetectionException("FCN conversion cannot follow the geometry through node '" + n.name()
                            + "' (" + type + "): it changes the map from " + i + " to " + o);
                }
                return in;
            }
        }
    }

    /** Top and left padding of a conv2d (explicit int, int[2] or int[4]; "same" pads like PyTorch; "valid" 0). */
    private static int[] convPadding(Attributes a, int[] k) {
        String mode = a.getString("padding_mode", "explicit");
        if (mode.equals("valid")) {
            return new int[] {0, 0};
        }
        if (mode.equals("same")) {
            int[] d = a.getInts("dilation", 2, 1);
            return new int[] {d[0] * (k[0] - 1) / 2, d[1] * (k[1] - 1) / 2};
        }
        int[] p = a.getInts("padding", 0);
        return switch (p.length) {
            case 1 -> new int[] {p[0], p[0]};
            case 2, 4 -> new int[] {p[0], p[1]};
            default -> throw new DetectionException("conv2d padding must have 1, 2 or 4 values, got " + p.length);
        };
    }

    private static int[] step(int[] in, int[] k, int[] s, int[] p, int[] d) {
        int[] out = new int[6];
        for (int axis = 0; axis < 2; axis++) {
            int effective = d[axis] * (k[axis] - 1) + 1;
            out[axis] = in[axis] * s[axis];
            out[2 + axis] = in[2 + axis] - p[axis] * in[axis];
            out[4 + axis] = in[4 + axis] + (effective - 1) * in[axis];
        }
        return out;
    }
}
