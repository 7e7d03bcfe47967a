package dev.strix.models.common;

import dev.strix.api.graph.Value;
import java.util.function.UnaryOperator;

/**
 * The {@code BasicConv2d} module of torchvision's GoogLeNet and Inception v3 (and timm's Inception-ResNet):
 * {@code conv} without bias, {@code bn} with eps 0.001, then ReLU. Parameters are {@code <name>.conv.weight} and
 * {@code <name>.bn.*}.
 */
public final class BasicConv2d {
    /** Batch norm eps of these modules (TensorFlow's default, kept by the ports). */
    public static final double EPS = 1e-3;

    private BasicConv2d() {}

    /** A {@code kh}×{@code kw} BasicConv2d named {@code name}; {@code conv} sets stride, padding and the like. */
    public static Value apply(Net net, String name, Value x, int out, int kh, int kw, UnaryOperator<ConvSpec> conv) {
        Net s = net.scope(name);
        Value y = conv.apply(s.conv("conv", out, kh, kw).noBias()).apply(x);
        return s.relu("relu", s.batchNorm("bn", y, EPS));
    }

    /** A square BasicConv2d; {@code conv} sets stride, padding and the like. */
    public static Value apply(Net net, String name, Value x, int out, int kernel, UnaryOperator<ConvSpec> conv) {
        return apply(net, name, x, out, kernel, kernel, conv);
    }

    /** A square BasicConv2d with stride 1 and no padding. */
    public static Value apply(Net net, String name, Value x, int out, int kernel) {
        return apply(net, name, x, out, kernel, kernel, c -> c);
    }
}
