package dev.strix.models.nasnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.ParamSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NASNet-A Mobile 4 @ 1056 against Zoph et al. 2018's Table 2, Keras's total and Cadene's module names. */
class NasNetAMobileTest {
    private static final Registry REGISTRY = Strix.registry();
    private static final Graph NET = REGISTRY.model("nasnet_a_mobile", ModelOptions.defaults());

    @Test
    void parametersMatchThePaperAndKerasTotal() {
        long buffers = NET.parameters().values().stream().filter(p -> p.kind() == ParamSpec.Kind.BUFFER)
                .mapToLong(p -> p.shape().size()).sum();
        assertThat(NET.parameterCount()).isEqualTo(5_289_978L);
        // keras.io's NASNetMobile: 5,326,716 with the batch norms' moving mean and variance.
        assertThat(NET.parameterCount() + buffers).isEqualTo(5_326_716L);
        // The paper's Table 2: 5.3M parameters.
        assertThat(NET.parameterCount() / 1e6).isCloseTo(5.3, within(5.3 * 0.005));
    }

    @Test
    void macsMatchThePaper() {
        // The paper's Table 2: 564M mult-adds.
        assertThat(NET.macs() / 1e6).isCloseTo(564, within(564 * 0.02));
    }

    @Test
    void cellsHalveTheGridAtEachReductionAndWidenSixfold() {
        assertThat(out("conv0.bn")).isEqualTo(Shape.of(1, 32, 111, 111));
        assertThat(out("cell_stem_0.cat")).isEqualTo(Shape.of(1, 44, 56, 56));
        assertThat(out("cell_stem_1.cat")).isEqualTo(Shape.of(1, 88, 28, 28));
        for (String cell : new String[] {"cell_0", "cell_3"}) {
            assertThat(out(cell + ".cat")).isEqualTo(Shape.of(1, 264, 28, 28));
        }
        assertThat(out("reduction_cell_0.cat")).isEqualTo(Shape.of(1, 352, 14, 14));
        assertThat(out("cell_6.cat")).isEqualTo(Shape.of(1, 528, 14, 14));
        assertThat(out("cell_9.cat")).isEqualTo(Shape.of(1, 528, 14, 14));
        assertThat(out("reduction_cell_1.cat")).isEqualTo(Shape.of(1, 704, 7, 7));
        assertThat(out("cell_15.cat")).isEqualTo(Shape.of(1, 1056, 7, 7));
        assertThat(NET.node("cell_4.cat")).isNull();
        assertThat(NET.outputs().get(0).shape()).isEqualTo(Shape.of(1, 1000));
    }

    @Test
    void parameterNamesFollowCadene() {
        Map<String, ParamSpec> p = NET.parameters();
        assertThat(p.get("conv0.conv.weight").shape()).isEqualTo(Shape.of(32, 3, 3, 3));
        assertThat(p.get("cell_stem_0.conv_1x1.conv.weight").shape()).isEqualTo(Shape.of(11, 32, 1, 1));
        // The stem's right branches widen in their first separable conv (BranchSeparablesStem) ...
        assertThat(p.get("cell_stem_0.comb_iter_0_right.separable_1.depthwise_conv2d.weight").shape())
                .isEqualTo(Shape.of(32, 1, 7, 7));
        assertThat(p.get("cell_stem_0.comb_iter_0_right.separable_1.pointwise_conv2d.weight").shape())
                .isEqualTo(Shape.of(11, 32, 1, 1));
        // ... the others in their second.
        assertThat(p.get("cell_stem_0.comb_iter_0_left.separable_2.pointwise_conv2d.weight").shape())
                .isEqualTo(Shape.of(11, 11, 1, 1));
        assertThat(p.get("cell_stem_1.path_1.conv.weight").shape()).isEqualTo(Shape.of(11, 32, 1, 1));
        assertThat(p.get("cell_stem_1.path_2.conv.weight").shape()).isEqualTo(Shape.of(11, 32, 1, 1));
        assertThat(p.get("cell_stem_1.final_path_bn.running_mean").shape()).isEqualTo(Shape.of(22));
        // The first cell of a stage reduces its previous-previous input; the others project it.
        assertThat(p.get("cell_0.final_path_bn.weight").shape()).isEqualTo(Shape.of(44));
        assertThat(p).doesNotContainKey("cell_0.conv_prev_1x1.conv.weight");
        assertThat(p.get("cell_1.conv_prev_1x1.conv.weight").shape()).isEqualTo(Shape.of(44, 88, 1, 1));
        assertThat(p.get("cell_12.path_2.conv.weight").shape()).isEqualTo(Shape.of(88, 528, 1, 1));
        assertThat(p.get("reduction_cell_1.comb_iter_4_left.bn_sep_2.weight").shape()).isEqualTo(Shape.of(176));
        assertThat(p.get("cell_15.comb_iter_1_left.separable_1.depthwise_conv2d.weight").shape())
                .isEqualTo(Shape.of(176, 1, 5, 5));
        assertThat(p.get("last_linear.weight").shape()).isEqualTo(Shape.of(1000, 1056));
    }

    @Test
    void otherInputSizesPoolGlobally() {
        Graph g = REGISTRY.model("nasnet_a_mobile", ModelOptions.defaults().withInput(Shape.of(3, 160, 160))
                .withClasses(5));
        assertThat(g.node("cell_15.cat").outputShapes().get(0)).isEqualTo(Shape.of(1, 1056, 5, 5));
        assertThat(g.outputs().get(0).shape()).isEqualTo(Shape.of(1, 5));
    }

    @Test
    void aSizeThatIsNotAMultipleOf32FailsWhereTheTwoInputsOfACellDisagree() {
        // 88 → 43 → 22 → 11: reduction_cell_0 halves 11 to 5, but cell_6's factorised path halves it to 6, and
        // Cadene's PyTorch model fails the same way.
        assertThatThrownBy(() -> REGISTRY.model("nasnet_a_mobile",
                ModelOptions.defaults().withInput(Shape.of(3, 88, 88))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("node 'cell_6.comb_iter_0'");
    }

    private static Shape out(String node) {
        assertThat(NET.node(node)).as(node).isNotNull();
        return NET.node(node).outputShapes().get(0);
    }
}
