package dev.strix.detection.output;

import dev.strix.detection.Detection;
import dev.strix.detection.box.Box;
import dev.strix.detection.image.Images;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws detections: each box outlined in its class's colour, with a filled label above it (inside the box when
 * there is no room above) reading "name score" in black or white, whichever contrasts with the fill. Line width
 * and font size grow with the image so labels stay legible on large photos.
 */
public final class DetectionPainter {
    private DetectionPainter() {}

    /** A copy of {@code image} with {@code detections} drawn on it. */
    public static BufferedImage draw(BufferedImage image, List<Detection> detections) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int shorter = Math.min(w, h);
            int line = Math.max(2, Math.round(shorter / 250f));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, shorter / 40)));
            FontMetrics fm = g.getFontMetrics();
            for (Detection d : detections) {
                Color colour = colour(d.classIndex());
                Box b = d.box();
                int x1 = (int) Math.round(b.x1());
                int y1 = (int) Math.round(b.y1());
                int x2 = (int) Math.round(b.x2());
                int y2 = (int) Math.round(b.y2());
                g.setColor(colour);
                g.setStroke(new BasicStroke(line));
                g.drawRect(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
                String label = d.label();
                int tw = fm.stringWidth(label) + 2 * line;
                int th = fm.getHeight();
                int top = y1 - th >= 0 ? y1 - th : y1; // above the box, or inside it at the image's top edge
                int left = Math.min(Math.max(0, x1), Math.max(0, w - tw));
                g.fillRect(left, top, tw, th);
                g.setColor(textColour(colour));
                g.drawString(label, left + line, top + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Draws {@code detections} on {@code image} and writes a PNG atomically (no partial file on failure). */
    public static void writePng(Path file, BufferedImage image, List<Detection> detections) {
        Images.writePng(file, draw(image, detections));
    }

    /** A distinct, saturated colour per class: hues spaced by the golden angle. */
    public static Color colour(int classIndex) {
        float hue = (float) ((classIndex * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.85f, 0.95f);
    }

    /** Black on light fills, white on dark ones (by relative luminance). */
    static Color textColour(Color fill) {
        double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }
}
