package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Reference;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WideGemmKernel's 8 × 16 tiles on PoCL through Aparapi's OpenCL, against the reference: products whose columns
 * mix whole 16-column blocks (read as vectors) with a ragged last block (read column by column), rows not a multiple
 * of 8 (A packed in 8-row panels, the last one ragged) — a linear layer (its weight packed once in 16-column panels,
 * its input every run), classifier heads of 5 rows (A unpacked) and of 1 row (a loop of its own), a 1×1 convolution batched over images, a strided
 * 1×1 convolution (subsampled first), a matmul broadcasting one A over three B, and a matmul with a transposed B (the
 * general loop throughout). Whole
 * 8 × 16 tiles store their sums first and add the bias and activation in place afterwards, so a linear layer ending
 * in GELU and a 1×1 convolution ending in ReLU check that second pass.
 */
class WideGemmTest {
    private static final SessionOptions OPENCL = SessionOptions.defaults().withDevice("portable")
            .with(ModeRequest.OPTION, "opencl");

    /** A linear layer (or a 1×1 convolution) named {@code name} with {@code out} outputs, then {@code act} if any. */
    static Graph product(String layer, String name, Shape in, int out, String act) {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        var spec = layer.equals("linear") ? b.layer("linear", name).attr("out_features", out)
                : b.layer("conv2d", name).attr("out_channels", out).attr("kernel_size", 1);
        Value y = spec.apply(b.input("x", in));
        return b.build(act == null ? y : b.layer(act, "act").apply(y));
    }

    static Graph stridedPointwise() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(2, 16, 13, 11));
        return b.build(b.layer("conv2d", "down").attr("out_channels", 24).attr("kernel_size", 1).attr("stride", 2)
                .apply(x));
    }

    /** A [13, 20] broadcast over three B [20, 35]: A packed once per run into two panels, every batch reading it. */
    static Graph matmulBroadcast() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(13, 20));
        Value y = b.input("y", Shape.of(3, 20, 35));
        return b.build(b.layer("matmul", "mm_broadcast").apply(x, y));
    }

    static Graph matmulTransposed() {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(3, 13, 20));
        Value y = b.input("y", Shape.of(3, 35, 20));
        return b.build(b.layer("matmul", "mm").attr("transpose_b", true).apply(x, y));
    }

    @Test
    void matchesTheReferenceOnWholeAndRaggedBlocks() {
        List<Graph> graphs = List.of(
                product("linear", "fc", Shape.of(2, 19, 40), 37, null),
                // Deeper than Gemms.SHORT_DEPTH: row blocks first (the others take column blocks first).
                product("linear", "fc_deep", Shape.of(19, 200), 37, null),
                product("linear", "fc_gelu", Shape.of(1, 17, 24), 48, "gelu"),
                // Five rows: A stays unpacked (no whole 8-row panel), B is the packed weight, read by the general loop.
                product("linear", "head", Shape.of(5, 40), 37, null),
                // One row (batch 1): the one-row loop, two whole 16-column panels and a ragged third.
                product("linear", "head_1", Shape.of(1, 40), 37, "relu"),
                product("conv2d", "conv", Shape.of(2, 24, 6, 7), 37, null),
                product("conv2d", "conv_relu", Shape.of(1, 8, 4, 8), 16, "relu"),
                // ReLU6 clamps whole tiles in place and partial ones as they are stored (42 columns: the last block
                // shifted); its weights are scaled below so outputs pass 6.
                product("conv2d", "conv_relu6", Shape.of(1, 24, 6, 7), 37, "relu6"),
                stridedPointwise(), matmulBroadcast(), matmulTransposed());
        for (Graph g : graphs) {
            Weights w = Initializers.initialize(g, 4);
            if (w.floats().containsKey("conv_relu6.weight")) {
                // Outputs well past 6, so the clamp's upper end is reached.
                float[] weight = w.floats().get("conv_relu6.weight").data();
                for (int i = 0; i < weight.length; i++) {
                    weight[i] *= 20f;
                }
            }
            List<Tensor> inputs = g.inputs().stream().map(i -> Tensors.random(i.shape(), i.name().length())).toList();
            Tensor expected = Reference.run(g, w, inputs).get(0);
            try (Session s = Strix.registry().backend("aparapi").compile(g, w, OPENCL)) {
                assertThat(Tensors.relativeL2(s.run(inputs).get(0), expected)).as(g.nodes().get(0).name())
                        .isLessThan(1e-5);
            }
        }
    }
}
