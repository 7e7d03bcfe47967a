package dev.strix.models.inceptionresnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.Net;
import java.util.ArrayList;
import java.util.List;

/**
 * The residual Inception blocks of Inception-ResNet-v2 (timm's {@code Block35}, {@code Block17}, {@code Block8}):
 * parallel branches of {@link BasicConv}s ({@code branch0} a single one, {@code branch1} and {@code branch2}
 * sequences), concatenated, projected back to the input's channels by the 1×1 convolution {@code conv2d} (with
 * bias, no batch norm), scaled down and added to the input, then ReLU unless it is the last block.
 *
 * @param branches the convolutions of each branch; a branch of one is a {@code BasicConv2d}, not a sequence
 * @param scale the residual scale (0.17, 0.10, 0.20; the paper's section 3.3 recommends 0.1–0.3)
 * @param relu whether a ReLU follows the addition
 */
record ResidualInceptionBlock(List<List<BasicConv>> branches, double scale, boolean relu) {

    /** Inception-ResNet-A on 35×35×320. */
    static ResidualInceptionBlock block35() {
        return new ResidualInceptionBlock(List.of(
                List.of(BasicConv.of(32, 1)),
                List.of(BasicConv.of(32, 1), BasicConv.same(32, 3)),
                List.of(BasicConv.of(32, 1), BasicConv.same(48, 3), BasicConv.same(64, 3))), 0.17, true);
    }

    /** Inception-ResNet-B on 17×17×1088. */
    static ResidualInceptionBlock block17() {
        return new ResidualInceptionBlock(List.of(
                List.of(BasicConv.of(192, 1)),
                List.of(BasicConv.of(128, 1), BasicConv.row(160, 7), BasicConv.column(192, 7))), 0.10, true);
    }

    /** Inception-ResNet-C on 8×8×2080, with the given scale and final ReLU. */
    static ResidualInceptionBlock block8(double scale, boolean relu) {
        return new ResidualInceptionBlock(List.of(
                List.of(BasicConv.of(192, 1)),
                List.of(BasicConv.of(192, 1), BasicConv.row(224, 3), BasicConv.column(256, 3))), scale, relu);
    }

    /** Adds the block in {@code net}'s scope ({@code repeat_1.4}) and returns its output. */
    Value apply(Net net, Value input) {
        List<Value> outs = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) {
            List<BasicConv> convs = branches.get(b);
            String name = "branch" + b;
            outs.add(convs.size() == 1 ? convs.get(0).apply(net, name, input)
                    : BasicConv.chain(net.sequence(name), input, convs));
        }
        Value x = net.concat("cat", outs);
        x = net.conv("conv2d", input.shape().dim(1), 1).apply(x);
        if (scale != 1.0) {
            x = scaled(net, "scale", x, scale);
        }
        x = net.add("add", x, input);
        return relu ? net.relu("relu", x) : x;
    }

    /**
     * {@code x · factor}. LAYERS.md has no multiply-by-a-constant layer yet, so this uses the one layer whose
     * formula contains a constant divisor: {@code local_response_norm} with {@code alpha = 0} is
     * {@code x / k^beta}, which with {@code size = 1}, {@code beta = 1} and {@code k = 1/factor} is
     * {@code x · factor} up to float rounding. Replace it with a {@code scale} layer once one exists.
     */
    private static Value scaled(Net net, String name, Value x, double factor) {
        return net.localResponseNorm(name, x, 1, 0.0, 1.0, 1.0 / factor);
    }
}
