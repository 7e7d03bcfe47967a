package dev.strix.detection;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.weights.Weights;
import dev.strix.detection.head.AnchorDecoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * A tiny detector built with strix-layers whose weights are set by hand: it finds red and blue squares on white.
 * Input [1, 3, 64, 64] → avg_pool2d 8 → conv2d 1×1 to 7 channels = one anchor of (tx, ty, tw, th, objectness,
 * red, blue), decoded YOLOv3-style with a single 8×8-pixel anchor: every 8×8 cell that is saturated red or blue
 * is a box filling the cell.
 */
final class TestModels {
    private TestModels() {}

    static Graph squareFinder() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(1, 3, 64, 64));
        x = b.layer("avg_pool2d", "pool").attr("kernel_size", 8).apply(x);
        x = b.layer("conv2d", "head").attr("out_channels", 7).attr("kernel_size", 1).apply(x);
        return b.build(x);
    }

    /**
     * Objectness logit 20(R + B) − 40G − 10: +10 on pure red or blue, −10 on white and on YOLO's grey padding.
     * Class logits ±10(R − B).
     */
    static Weights squareFinderWeights() {
        float[] w = new float[7 * 3];
        float[] bias = new float[7];
        w[4 * 3] = 20;
        w[4 * 3 + 1] = -40;
        w[4 * 3 + 2] = 20;
        bias[4] = -10;
        w[5 * 3] = 10;
        w[5 * 3 + 2] = -10;
        w[6 * 3] = -10;
        w[6 * 3 + 2] = 10;
        return Weights.of(Map.of("head.weight", Tensor.of(w, 7, 3, 1, 1), "head.bias", Tensor.of(bias, 7)));
    }

    static AnchorDecoder squareDecoder() {
        return new AnchorDecoder(List.of(new float[] {8, 8}), 2, true, AnchorDecoder.ClassActivation.SIGMOID);
    }

    /** 640×480 white with a red square (160..240)² and a blue square (400..480) × (240..320). */
    static BufferedImage squares() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.RED);
        g.fillRect(160, 160, 80, 80);
        g.setColor(Color.BLUE);
        g.fillRect(400, 240, 80, 80);
        g.dispose();
        return img;
    }

    /**
     * A 20×20 classifier for red: avg_pool2d 4 → flatten (3·5·5) → linear "fc" to (background, red) with
     * red's logit 20·(mean R − mean G) − 10: +10 on a fully red window, −10 on white, 0 when half is red.
     */
    static Graph redClassifier() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(1, 3, 20, 20));
        x = b.layer("avg_pool2d", "pool").attr("kernel_size", 4).apply(x);
        x = b.layer("flatten", "flatten").apply(x);
        x = b.layer("linear", "fc").attr("out_features", 2).apply(x);
        return b.build(x);
    }

    static Weights redClassifierWeights() {
        float[] w = new float[2 * 75];
        for (int i = 0; i < 25; i++) {
            w[75 + i] = 20f / 25; // red, channel R
            w[75 + 25 + i] = -20f / 25; // red, channel G
        }
        return Weights.of(Map.of("fc.weight", Tensor.of(w, 2, 75), "fc.bias", Tensor.of(new float[] {0, -10}, 2)));
    }

    /** 100×80 white with a red 20×20 square at (40, 20), on the stride-4 grid. */
    static BufferedImage redSquare() {
        BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 80);
        g.setColor(Color.RED);
        g.fillRect(40, 20, 20, 20);
        g.dispose();
        return img;
    }
}
