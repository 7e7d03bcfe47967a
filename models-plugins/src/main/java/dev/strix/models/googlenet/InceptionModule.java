package dev.strix.models.googlenet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;

/**
 * GoogLeNet's Inception module: four branches concatenated — 1×1; 1×1 then 3×3; 1×1 then 3×3 (torchvision keeps a
 * 3×3 where the paper has 5×5, a known quirk its pretrained weights depend on); 3×3 max pool then 1×1.
 *
 * @param ch1x1 branch1 width
 * @param ch3x3red branch2 reduction width
 * @param ch3x3 branch2 width
 * @param ch5x5red branch3 reduction width
 * @param ch5x5 branch3 width
 * @param poolProj branch4 width
 */
public record InceptionModule(int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj) {

    /** Adds the module in {@code net} (scoped to it, e.g. {@code inception3a}). */
    public Value apply(Net net, Value x) {
        Value b1 = BasicConv2d.apply(net, "branch1", x, ch1x1, 1);
        Net b2 = net.scope("branch2");
        Value y2 = BasicConv2d.apply(b2, "0", x, ch3x3red, 1);
        y2 = BasicConv2d.apply(b2, "1", y2, ch3x3, 3, c -> c.padding(1));
        Net b3 = net.scope("branch3");
        Value y3 = BasicConv2d.apply(b3, "0", x, ch5x5red, 1);
        y3 = BasicConv2d.apply(b3, "1", y3, ch5x5, 3, c -> c.padding(1));
        Net b4 = net.scope("branch4");
        Value y4 = b4.maxPool("0", 3).stride(1).padding(1).ceilMode().apply(x);
        y4 = BasicConv2d.apply(b4, "1", y4, poolProj, 1);
        return net.concat("cat", b1, y2, y3, y4);
    }
}
