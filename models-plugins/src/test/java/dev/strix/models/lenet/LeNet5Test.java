package dev.strix.models.lenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.strix.models.common.ModelOptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeNet5Test {
    private static final Registry REGISTRY = Strix.registry();

    /** LeCun et al. 1998, Table I: the S2 maps each C3 map reads. */
    private static final int[][] TABLE_I = {
        {0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 0}, {5, 0, 1},
        {0, 1, 2, 3}, {1, 2, 3, 4}, {2, 3, 4, 5}, {3, 4, 5, 0}, {4, 5, 0, 1}, {5, 0, 1, 2},
        {0, 1, 3, 4}, {1, 2, 4, 5}, {0, 2, 3, 5}, {0, 1, 2, 3, 4, 5},
    };

    private static Graph build(String... options) {
        ModelOptions o = ModelOptions.defaults();
        for (int i = 0; i < options.length; i += 2) {
            o = o.withOption(options[i], options[i + 1]);
        }
        return REGISTRY.model("lenet5", o);
    }

    @Test
    void bothFormsHaveTheLayerArithmeticCountOf61706() {
        // C1 6·25+6, C3 16·6·25+16, F5 400·120+120, F6 120·84+84, output 84·10+10
        assertThat(build().parameterCount()).isEqualTo(156 + 2_416 + 48_120 + 10_164 + 850).isEqualTo(61_706);
        Graph classic = build("form", "classic");
        assertThat(classic.parameterCount()).isEqualTo(61_706);
        assertThat(classic.node("act1").type().name()).isEqualTo("tanh");
        assertThat(classic.node("pool1").type().name()).isEqualTo("avg_pool2d");
        assertThat(build().node("act1").type().name()).isEqualTo("relu");
        assertThat(build().node("pool1").type().name()).isEqualTo("max_pool2d");
    }

    @Test
    void mapSizesFollowThePaper() {
        Graph g = build();
        assertThat(g.node("conv1").outputShapes().get(0).toArray()).containsExactly(1, 6, 28, 28);
        assertThat(g.node("pool2").outputShapes().get(0).toArray()).containsExactly(1, 16, 5, 5);
        assertThat(g.outputs().get(0).shape().toArray()).containsExactly(1, 10);
    }

    @Test
    void theSparseC3TableHas60ConnectionsOf25Weights() {
        Graph g = build("form", "classic", "c3", "sparse");
        assertThat(g.parameterCount()).isEqualTo(61_706 - 2_416 + 60 * 25 + 16).isEqualTo(60_806);
        assertThat(g.parameters().get("conv2.c3_0_5.weight").shape().toArray()).containsExactly(6, 3, 5, 5);
        assertThat(g.parameters().get("conv2.c3_6_11.weight").shape().toArray()).containsExactly(6, 4, 5, 5);
        assertThat(g.parameters().get("conv2.c3_12_14.weight").shape().toArray()).containsExactly(3, 4, 5, 5);
        assertThat(g.parameters().get("conv2.c3_15.weight").shape().toArray()).containsExactly(1, 6, 5, 5);
    }

    /** The sparse graph computes what a full C3 does whose weights are zero outside Table I. */
    @Test
    void sparseC3EqualsAFullC3MaskedByTableI() {
        Graph sparse = build("c3", "sparse").withBatch(2);
        Graph full = build().withBatch(2);
        Weights ws = Initializers.initialize(sparse, 7);
        Map<String, Tensor> wf = new LinkedHashMap<>();
        ws.floats().forEach((k, v) -> {
            if (!k.startsWith("conv2.")) {
                wf.put(k, v);
            }
        });
        Tensor weight = Tensor.zeros(Shape.of(16, 6, 5, 5));
        Tensor bias = Tensor.zeros(Shape.of(16));
        String[] groups = {"c3_0_5", "c3_6_11", "c3_12_14", "c3_15"};
        int[] first = {0, 6, 12, 15};
        for (int g = 0; g < groups.length; g++) {
            Tensor gw = ws.get("conv2." + groups[g] + ".weight");
            Tensor gb = ws.get("conv2." + groups[g] + ".bias");
            for (int j = 0; j < gw.shape().dim(0); j++) {
                int map = first[g] + j;
                bias.data()[map] = gb.data()[j];
                for (int i = 0; i < TABLE_I[map].length; i++) {
                    System.arraycopy(gw.data(), (j * gw.shape().dim(1) + i) * 25, weight.data(),
                            (map * 6 + TABLE_I[map][i]) * 25, 25);
                }
            }
        }
        wf.put("conv2.weight", weight);
        wf.put("conv2.bias", bias);
        Tensor x = Tensors.random(Shape.of(2, 1, 32, 32), 3);
        Tensor a = run(sparse, ws, x);
        Tensor b = run(full, Weights.of(wf), x);
        assertThat(Tensors.relativeL2(a, b)).isLessThan(1e-6);
        assertThat(Tensors.relativeL2(a, run(full, Initializers.initialize(full, 7), x))).isGreaterThan(0.01);
    }

    @Test
    void formAndC3AcceptOnlyTheirValues() {
        assertThatThrownBy(() -> build("form", "tanh")).isInstanceOf(ModelOptionException.class)
                .hasMessageContaining("option 'form' must be one of [classic, modern], got 'tanh'");
        assertThatThrownBy(() -> build("c3", "partial")).isInstanceOf(ModelOptionException.class)
                .hasMessageContaining("'c3'");
    }

    private static Tensor run(Graph g, Weights w, Tensor x) {
        try (Session s = new ReferenceBackend().compile(g, w, SessionOptions.defaults())) {
            return s.run(x);
        }
    }
}
