package dev.strix.models.inceptionresnet;

import dev.strix.api.graph.Value;
import dev.strix.models.common.BasicConv2d;
import dev.strix.models.common.Net;
import dev.strix.models.common.Sequence;
import java.util.List;

/**
 * The shape of one {@link BasicConv2d} (conv without bias, batch norm with eps 0.001, ReLU) in a branch table.
 *
 * @param out output channels
 * @param kh kernel height
 * @param kw kernel width
 * @param stride stride in both directions
 * @param ph zero padding above and below
 * @param pw zero padding left and right
 */
record BasicConv(int out, int kh, int kw, int stride, int ph, int pw) {

    /** A square kernel, stride 1, no padding. */
    static BasicConv of(int out, int kernel) {
        return new BasicConv(out, kernel, kernel, 1, 0, 0);
    }

    /** A square kernel, stride 1, padded to keep the size. */
    static BasicConv same(int out, int kernel) {
        return new BasicConv(out, kernel, kernel, 1, kernel / 2, kernel / 2);
    }

    /** A square kernel with stride 2 and no padding. */
    static BasicConv reducing(int out, int kernel) {
        return new BasicConv(out, kernel, kernel, 2, 0, 0);
    }

    /** A 1×k kernel padded to keep the size. */
    static BasicConv row(int out, int k) {
        return new BasicConv(out, 1, k, 1, 0, k / 2);
    }

    /** A k×1 kernel padded to keep the size. */
    static BasicConv column(int out, int k) {
        return new BasicConv(out, k, 1, 1, k / 2, 0);
    }

    /** Adds the module {@code name} ({@code conv}, {@code bn}) in {@code net}'s scope and returns its output. */
    Value apply(Net net, String name, Value x) {
        return BasicConv2d.apply(net, name, x, out, kh, kw, c -> c.stride(stride).padding(ph, pw));
    }

    /** Adds {@code convs} one after the other as the next children of {@code branch} (an {@code nn.Sequential}). */
    static Value chain(Sequence branch, Value x, List<BasicConv> convs) {
        for (BasicConv c : convs) {
            x = c.apply(branch.net(), branch.next(), x);
        }
        return x;
    }
}
