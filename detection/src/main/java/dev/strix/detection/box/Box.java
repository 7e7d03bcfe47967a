package dev.strix.detection.box;

import dev.strix.detection.DetectionException;

/**
 * An axis-aligned box by its corners, {@code x1 ≤ x2} and {@code y1 ≤ y2}, in whatever unit the caller uses
 * (pixels or fractions of the image). Coordinates must be finite; a NaN, an infinity or reversed corners fail at
 * construction, so no invalid box reaches suppression or drawing.
 */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
            throw new DetectionException("box " + text(x1, y1, x2, y2) + " has a non-finite coordinate");
        }
        if (x2 < x1 || y2 < y1) {
            throw new DetectionException("box " + text(x1, y1, x2, y2) + " has x2 < x1 or y2 < y1");
        }
    }

    /** A box from its corners. */
    public static Box xyxy(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2, y2);
    }

    /** A box from its top-left corner, width and height. */
    public static Box xywh(double x, double y, double w, double h) {
        return new Box(x, y, x + w, y + h);
    }

    /** A box from its centre, width and height (YOLO's form). */
    public static Box cxcywh(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    /** The box in {@code format}, four numbers. */
    public double[] to(BoxFormat format) {
        return format.fromXyxy(x1, y1, x2, y2);
    }

    /** This box clipped to {@code [0, width] × [0, height]}. */
    public Box clip(double width, double height) {
        return new Box(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    /** This box with x multiplied by {@code sx} and y by {@code sy} (both positive). */
    public Box scale(double sx, double sy) {
        if (!(sx > 0) || !(sy > 0) || Double.isInfinite(sx) || Double.isInfinite(sy)) {
            throw new DetectionException("box scale factors must be positive and finite, got " + sx + ", " + sy);
        }
        return new Box(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
    }

    /** This box moved by ({@code dx}, {@code dy}). */
    public Box translate(double dx, double dy) {
        return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /** Intersection over union; 0 when both boxes are empty. */
    public double iou(Box o) {
        return Overlap.iou(x1, y1, x2, y2, o.x1, o.y1, o.x2, o.y2);
    }

    /** Generalised IoU (Rezatofighi et al. 2019): IoU − (enclosing area − union) / enclosing area. */
    public double giou(Box o) {
        return Overlap.giou(x1, y1, x2, y2, o.x1, o.y1, o.x2, o.y2);
    }

    /** Distance IoU (Zheng et al. 2020): IoU − (centre distance)² / (enclosing diagonal)². */
    public double diou(Box o) {
        return Overlap.diou(x1, y1, x2, y2, o.x1, o.y1, o.x2, o.y2);
    }

    private static double clamp(double v, double hi) {
        return Math.max(0, Math.min(hi, v));
    }

    private static String text(double x1, double y1, double x2, double y2) {
        return "(" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")";
    }
}
