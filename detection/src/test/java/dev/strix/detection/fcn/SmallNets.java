package dev.strix.detection.fcn;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;

/** Small classifiers built from strix-layers for the FCN and sliding-window tests. */
public final class SmallNets {
    private SmallNets() {}

    /**
     * 20×20 RGB → conv 3×3 (8) → relu → max pool 2 → conv 3×3 (16) → relu → max pool 2 → flatten (16·3·3) →
     * linear 32 → relu → dropout → linear {@code classes}. No padding: 20 → 18 → 9 → 7 → 3; total stride 4.
     */
    public static Graph valid(int batch, int classes) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(batch, 3, 20, 20));
        x = b.layer("conv2d", "features.0").attr("out_channels", 8).attr("kernel_size", 3).apply(x);
        x = b.layer("relu", "features.1").apply(x);
        x = b.layer("max_pool2d", "features.2").attr("kernel_size", 2).apply(x);
        x = b.layer("conv2d", "features.3").attr("out_channels", 16).attr("kernel_size", 3).apply(x);
        x = b.layer("relu", "features.4").apply(x);
        x = b.layer("max_pool2d", "features.5").attr("kernel_size", 2).apply(x);
        x = b.layer("flatten", "flatten").apply(x);
        x = b.layer("linear", "classifier.0").attr("out_features", 32).apply(x);
        x = b.layer("relu", "classifier.1").apply(x);
        x = b.layer("dropout", "classifier.2").apply(x);
        x = b.layer("linear", "classifier.3").attr("out_features", classes).apply(x);
        return b.build(x);
    }

    /**
     * 16×16 → conv 3×3 stride 2 padding 1 (4) → relu → adaptive avg pool to 8×8 (the identity at 16×16) →
     * max pool 2 → flatten (4·4·4) → linear {@code classes} → softmax. Stride 4; the receptive field starts one
     * pixel left of the image.
     */
    public static Graph padded(int classes) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("image", Shape.of(1, 3, 16, 16));
        x = b.layer("conv2d", "conv").attr("out_channels", 4).attr("kernel_size", 3).attr("stride", 2)
                .attr("padding", 1).apply(x);
        x = b.layer("relu", "act").apply(x);
        x = b.layer("adaptive_avg_pool2d", "avgpool").attr("output_size", 8).apply(x);
        x = b.layer("max_pool2d", "pool").attr("kernel_size", 2).apply(x);
        x = b.layer("flatten", "flatten").apply(x);
        x = b.layer("linear", "fc").attr("out_features", classes).apply(x);
        x = b.layer("softmax", "prob").apply(x);
        return b.build(x);
    }
}
