package dev.strix.aparapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.AparapiBackend;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Reference;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Residual adds absorbed by the matrix product before them, on PoCL and on the thread pool, against the reference:
 * a 1×1 convolution + batch norm + add + ReLU (whole 8 × 16 tiles), ResNet's downsampling block (the add joins the
 * shortcut's product, which runs second, strided or not), a transformer block (the adds join the
 * attention's output projection and a linear layer through dropout), a linear layer + its own input over 13 rows
 * (partial tiles). Adds that cannot be absorbed keep their own kernel: after a 3×3 convolution, and a broadcasting
 * add.
 */
class ResidualFusionTest {
    private static final SessionOptions OPENCL = SessionOptions.defaults().withDevice("portable")
            .with(ModeRequest.OPTION, "opencl");
    private static final SessionOptions JTP = SessionOptions.defaults().with(ModeRequest.OPTION, "jtp");

    private final AparapiBackend backend = new AparapiBackend();

    private static Value conv(GraphBuilder b, String name, Value x, int out, int kernel) {
        Value c = b.layer("conv2d", name).attr("out_channels", out).attr("kernel_size", kernel)
                .attr("padding", kernel / 2).attr("bias", false).apply(x);
        return b.layer("batch_norm", name + "_bn").apply(c);
    }

    /** Checks the graph against the reference in both modes, with the kernels each mode must (not) run. */
    private void check(Function<GraphBuilder, Value> body, Shape input, boolean fused) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Graph g = b.build(List.of(body.apply(b)));
        Weights w = Initializers.initialize(g, 5);
        Tensor in = Tensors.random(input, 9);
        Tensor expected = Reference.run(g, w, in);
        for (SessionOptions options : new SessionOptions[] {OPENCL, JTP}) {
            try (AparapiSession s = backend.compile(g, w, options)) {
                String label = options.option(ModeRequest.OPTION).orElseThrow();
                assertThat(Tensors.relativeL2(s.run(in), expected)).as(label).isLessThan(1e-5);
                List<String> kernels = s.kernels().stream().map(k -> k.kernel()).toList();
                if (fused) {
                    assertThat(kernels).as(label).doesNotContain("BinaryKernel");
                } else {
                    assertThat(kernels).as(label).contains("BinaryKernel");
                }
            }
        }
    }

    @Test
    void pointwiseConvolutionTakesTheShortcut() {
        check(b -> {
            Value x = b.input("x", Shape.of(1, 16, 8, 8));
            Value sum = b.layer("add", "add").apply(conv(b, "conv", x, 16, 1), x);
            return b.layer("relu", "relu").apply(sum);
        }, Shape.of(1, 16, 8, 8), true);
    }

    @Test
    void downsamplingBlockAddsInItsShortcut() {
        check(b -> {
            Value x = b.input("x", Shape.of(2, 8, 6, 6));
            Value main = conv(b, "main", x, 24, 1);
            Value shortcut = conv(b, "shortcut", x, 24, 1);
            return b.layer("relu", "relu").apply(b.layer("add", "add").apply(main, shortcut));
        }, Shape.of(2, 8, 6, 6), true);
    }

    @Test
    void stridedShortcutTakesTheAdd() {
        check(b -> {
            Value x = b.input("x", Shape.of(1, 8, 10, 10));
            Value pooled = b.layer("max_pool2d", "pool").attr("kernel_size", 2).apply(x);
            Value main = conv(b, "main", pooled, 16, 1);
            Value s = b.layer("conv2d", "shortcut").attr("out_channels", 16).attr("kernel_size", 1).attr("stride", 2)
                    .attr("bias", false).apply(x);
            Value shortcut = b.layer("batch_norm", "shortcut_bn").apply(s);
            return b.layer("relu", "relu").apply(b.layer("add", "add").apply(main, shortcut));
        }, Shape.of(1, 8, 10, 10), true);
    }

    @Test
    void transformerBlockAddsThroughDropout() {
        check(b -> {
            Value x = b.input("x", Shape.of(2, 9, 16));
            Value ln = b.layer("layer_norm", "ln").attr("normalized_shape", 16).apply(x);
            Value attention = b.layer("multi_head_attention", "attn").attr("embed_dim", 16).attr("num_heads", 2)
                    .apply(ln);
            Value dropped = b.layer("dropout", "drop").apply(attention);
            Value h = b.layer("add", "add_1").apply(dropped, x);
            Value fc = b.layer("linear", "fc").attr("out_features", 16).apply(h);
            Value fcDropped = b.layer("dropout", "fc_drop").apply(fc);
            return b.layer("add", "add_2").apply(h, fcDropped);
        }, Shape.of(2, 9, 16), true);
    }

    @Test
    void linearAddsItsInput() {
        check(b -> {
            Value x = b.input("x", Shape.of(13, 24));
            Value y = b.layer("linear", "fc").attr("out_features", 24).apply(x);
            return b.layer("add", "add").apply(x, y);
        }, Shape.of(13, 24), true);
    }

    @Test
    void otherAddsKeepTheirKernel() {
        check(b -> {
            Value x = b.input("x", Shape.of(1, 8, 7, 7));
            return b.layer("add", "add").apply(conv(b, "conv", x, 8, 3), x);
        }, Shape.of(1, 8, 7, 7), false);
        check(b -> {
            Value x = b.input("x", Shape.of(1, 8, 7, 7));
            Value pooled = b.layer("adaptive_avg_pool2d", "pool").attr("output_size", 1).apply(x);
            return b.layer("add", "add").apply(conv(b, "conv", x, 8, 1), pooled);
        }, Shape.of(1, 8, 7, 7), false);
    }
}
