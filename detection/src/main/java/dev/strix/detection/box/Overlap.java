package dev.strix.detection.box;

/**
 * Overlap measures on corner coordinates, in double precision. The packed-array form reads box {@code i} from
 * {@code xyxy[4i .. 4i+3]}, which is how suppression keeps thousands of boxes without an object each.
 */
public final class Overlap {
    private Overlap() {}

    /** IoU of two boxes given by corners; 0 when the union is empty. */
    public static double iou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double inter = intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** IoU of boxes {@code i} and {@code j} of a packed xyxy array. */
    public static double iou(float[] xyxy, int i, int j) {
        int a = 4 * i;
        int b = 4 * j;
        return iou(xyxy[a], xyxy[a + 1], xyxy[a + 2], xyxy[a + 3], xyxy[b], xyxy[b + 1], xyxy[b + 2], xyxy[b + 3]);
    }

    /** Generalised IoU; for two empty boxes at one point, 0. */
    public static double giou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double inter = intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        double enclosing = (Math.max(ax2, bx2) - Math.min(ax1, bx1)) * (Math.max(ay2, by2) - Math.min(ay1, by1));
        double iou = union > 0 ? inter / union : 0;
        return enclosing > 0 ? iou - (enclosing - union) / enclosing : iou;
    }

    /** Distance IoU; for two boxes whose enclosing box has no diagonal (both one point), their IoU (0). */
    public static double diou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double inter = intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        double iou = union > 0 ? inter / union : 0;
        double cw = Math.max(ax2, bx2) - Math.min(ax1, bx1);
        double ch = Math.max(ay2, by2) - Math.min(ay1, by1);
        double diagonal = cw * cw + ch * ch;
        double dx = (ax1 + ax2 - bx1 - bx2) / 2;
        double dy = (ay1 + ay2 - by1 - by2) / 2;
        return diagonal > 0 ? iou - (dx * dx + dy * dy) / diagonal : iou;
    }

    private static double intersection(double ax1, double ay1, double ax2, double ay2, double bx1, double by1,
            double bx2, double by2) {
        double w = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double h = Math.min(ay2, by2) - Math.max(ay1, by1);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
