package dev.strix.detection.box;

import dev.strix.api.ShapeException;
import dev.strix.api.Tensor;

/** The three ways four numbers describe a box, with conversions between them (torchvision's box_convert). */
public enum BoxFormat {
    /** Corners: x1, y1, x2, y2. */
    XYXY,
    /** Top-left corner and size: x, y, w, h (COCO's annotation form). */
    XYWH,
    /** Centre and size: cx, cy, w, h (YOLO's output form). */
    CXCYWH;

    /** Corners of the box whose numbers in this format are a, b, c, d. */
    public double[] toXyxy(double a, double b, double c, double d) {
        return switch (this) {
            case XYXY -> new double[] {a, b, c, d};
            case XYWH -> new double[] {a, b, a + c, b + d};
            case CXCYWH -> new double[] {a - c / 2, b - d / 2, a + c / 2, b + d / 2};
        };
    }

    /** This format's four numbers for the box with corners x1, y1, x2, y2. */
    public double[] fromXyxy(double x1, double y1, double x2, double y2) {
        return switch (this) {
            case XYXY -> new double[] {x1, y1, x2, y2};
            case XYWH -> new double[] {x1, y1, x2 - x1, y2 - y1};
            case CXCYWH -> new double[] {(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1};
        };
    }

    /** A box from four numbers in this format. */
    public Box box(double a, double b, double c, double d) {
        double[] v = toXyxy(a, b, c, d);
        return new Box(v[0], v[1], v[2], v[3]);
    }

    /** A [..., 4] tensor of boxes in this format converted to {@code target}, as a new tensor. */
    public Tensor convert(Tensor boxes, BoxFormat target) {
        if (boxes.shape().rank() < 1 || boxes.shape().dim(-1) != 4) {
            throw new ShapeException("boxes must have a last dimension of 4, got " + boxes.shape());
        }
        float[] in = boxes.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += 4) {
            double[] xyxy = toXyxy(in[i], in[i + 1], in[i + 2], in[i + 3]);
            double[] t = target.fromXyxy(xyxy[0], xyxy[1], xyxy[2], xyxy[3]);
            for (int k = 0; k < 4; k++) {
                out[i + k] = (float) t[k];
            }
        }
        return Tensor.of(boxes.shape(), out);
    }
}
