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
import org.junit.jupiter.api.Test;

/**
 * AttentionKernel's sixteen-wide paths (partial sums of the query-key products, sixteen output columns at a time)
 * with their scalar remainders, on PoCL through Aparapi's OpenCL and on the thread pool, against the reference:
 * head sizes 24 (one block and 8 left over) and 32 (two blocks). The layer examples' heads are narrower than 16.
 */
class AttentionKernelTest {
    @Test
    void matchesTheReferenceWithWholeAndPartialBlocks() {
        int[][] shapes = {{2, 11, 48, 2}, {1, 9, 64, 2}};
        for (String mode : new String[] {"opencl", "jtp"}) {
            SessionOptions o = SessionOptions.defaults().withDevice(mode.equals("opencl") ? "portable" : "jtp")
                    .with(ModeRequest.OPTION, mode);
            for (int[] s : shapes) {
                GraphBuilder b = new GraphBuilder(Strix.registry());
                Value x = b.input("x", Shape.of(s[0], s[1], s[2]));
                Graph g = b.build(b.layer("multi_head_attention", "attn").attr("num_heads", s[3]).apply(x));
                Weights w = Initializers.initialize(g, 3);
                Tensor in = Tensors.random(g.inputs().get(0).shape(), 7);
                Tensor expected = Reference.run(g, w, in);
                try (Session session = Strix.registry().backend("aparapi").compile(g, w, o)) {
                    assertThat(Tensors.relativeL2(session.run(in), expected))
                            .as("%s, head size %d", mode, s[2] / s[3]).isLessThan(1e-5);
                }
            }
        }
    }
}
