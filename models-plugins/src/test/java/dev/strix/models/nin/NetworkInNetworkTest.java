package dev.strix.models.nin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import org.junit.jupiter.api.Test;

class NetworkInNetworkTest {

    @Test
    void threeMlpconvBlocksAndGlobalAveragePooling() {
        Graph g = Strix.registry().model("nin", ModelOptions.defaults());
        assertThat(g.parameters().keySet()).containsExactly("0.0.weight", "0.0.bias", "0.2.weight", "0.2.bias",
                "0.4.weight", "0.4.bias", "3.0.weight", "3.0.bias", "3.2.weight", "3.2.bias", "3.4.weight",
                "3.4.bias", "6.0.weight", "6.0.bias", "6.2.weight", "6.2.bias", "6.4.weight", "6.4.bias");
        assertThat(g.node("1").outputShapes().get(0).toArray()).containsExactly(1, 96, 16, 16);
        assertThat(g.node("4").outputShapes().get(0).toArray()).containsExactly(1, 192, 8, 8);
        assertThat(g.node("7").type().name()).isEqualTo("global_avg_pool");
        assertThat(g.outputs().get(0).shape().toArray()).containsExactly(1, 10);
        // 5·5·3·192+192, 192·160+160, 160·96+96, 5·5·96·192+192, 2·(192·192+192), 3·3·192·192+192, 192·192+192,
        // 192·10+10
        assertThat(g.parameterCount()).isEqualTo(14_592L + 30_880 + 15_456 + 460_992 + 2 * 37_056 + 331_968
                + 37_056 + 1_930).isEqualTo(966_986L);
    }
}
