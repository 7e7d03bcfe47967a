package org.example.strix.mish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import org.junit.jupiter.api.Test;

/** With this jar on the class path, Strix's own registry finds the plugin and runs its model. */
class MishPluginTest {

    @Test
    void theRegistryListsTheLayerAndTheModel() {
        Registry r = Strix.registry();
        assertThat(r.layerTypeNames()).contains("mish", "mishnet_pointwise", "mishnet_pool_linear");
        assertThat(r.modelVariants()).containsKey("mishnet_tiny");
        assertThat(r.familyOf("mishnet_tiny").name()).isEqualTo("mishnet");
        assertThat(r.layerType("mish")).isInstanceOf(MishLayer.class);
    }

    @Test
    void mishnetTinyRunsOnTheReferenceBackendAsComputedByHand() {
        Graph g = Strix.registry().model("mishnet_tiny", ModelOptions.defaults().withBatch(2));
        assertThat(g.inputs().get(0).shape()).isEqualTo(Shape.of(2, 3, 8, 8));
        // stem 8·3 + 8, block 8·8 + 8, head 10·8 + 10 — as torch.nn counts them.
        assertThat(g.parameterCount()).isEqualTo(194);
        // per image: 64 pixels · (8·3 + 8·8) for the two 1×1 convolutions, plus 10·8 for the head.
        assertThat(g.macs()).isEqualTo(2 * (64 * (24 + 64) + 80));

        Weights w = Initializers.initialize(g, 5);
        Tensor x = Tensors.random(g.inputs().get(0).shape(), 11);
        Tensor y;
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            y = s.run(x);
        }
        assertThat(y.shape()).isEqualTo(Shape.of(2, 10));
        double[][] expected = byHand(x, w);
        for (int n = 0; n < 2; n++) {
            for (int k = 0; k < 10; k++) {
                assertThat((double) y.get(n, k)).as("logit %d of image %d", k, n)
                        .isCloseTo(expected[n][k], within(1e-5));
            }
        }
    }

    /** The network written out as loops in double precision, independent of the layer classes. */
    private static double[][] byHand(Tensor x, Weights w) {
        double[][] out = new double[2][10];
        for (int n = 0; n < 2; n++) {
            double[][] stem = pointwise(x, n, w.get("stem.weight"), w.get("stem.bias"));
            double[][] block = pointwise(stem, w.get("block.conv.weight"), w.get("block.conv.bias"));
            for (int k = 0; k < 10; k++) {
                double sum = w.get("head.bias").data()[k];
                for (int c = 0; c < 8; c++) {
                    double mean = 0;
                    for (double v : block[c]) {
                        mean += v;
                    }
                    sum += w.get("head.weight").get(k, c) * (mean / 64);
                }
                out[n][k] = sum;
            }
        }
        return out;
    }

    private static double[][] pointwise(Tensor x, int n, Tensor weight, Tensor bias) {
        double[][] in = new double[3][64];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 64; p++) {
                in[c][p] = x.get(n, c, p / 8, p % 8);
            }
        }
        return pointwise(in, weight, bias);
    }

    /** 1×1 convolution followed by mish: x·tanh(ln(1 + eˣ)). */
    private static double[][] pointwise(double[][] in, Tensor weight, Tensor bias) {
        double[][] out = new double[8][64];
        for (int o = 0; o < 8; o++) {
            for (int p = 0; p < 64; p++) {
                double s = bias.data()[o];
                for (int c = 0; c < in.length; c++) {
                    s += weight.get(o, c, 0, 0) * in[c][p];
                }
                out[o][p] = s * Math.tanh(Math.log(1 + Math.exp(s)));
            }
        }
        return out;
    }
}
