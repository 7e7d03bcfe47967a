package dev.strix.api.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.ShapeException;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import dev.strix.api.testkit.TestLayers;
import dev.strix.api.spi.Backend;
import dev.strix.api.weights.Weights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceBackendTest extends BackendTestKit {
    private final Registry registry = RegistryFactory.create(List.of(new CorePlugin(), TestLayers.plugin()), List.of());

    @Override
    protected Registry registry() {
        return registry;
    }

    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }

    private Graph residual() {
        GraphBuilder b = new GraphBuilder(registry);
        Value x = b.input("input", Shape2.of());
        Value y = b.layer("t_scale_add", "block").apply(x);
        List<Value> halves = b.layer("t_split", "split").applyAll(y);
        return b.build(b.layer("t_add", "sum").apply(halves.get(0), halves.get(1)));
    }

    @Test
    void runsCompositesThroughTheirExpansion() {
        Weights w = Weights.of(Map.of("block.scale.weight", Tensor.of(new float[] {2, 3, 4, 5}, 4)));
        try (Session s = new ReferenceBackend().compile(residual(), w, SessionOptions.defaults())) {
            Tensor x = Tensor.of(new float[] {1, 1, 1, 1}, 1, 4, 1);
            // (x·w + x) = [3, 4, 5, 6]; split into [3, 4] and [5, 6]; sum = [8, 10]
            assertThat(s.run(x).data()).containsExactly(8, 10);
            assertThat(s.graph().hasComposites()).isFalse();
        }
    }

    @Test
    void wrongInputsAndClosedSessionsFailClearly() {
        Weights w = Weights.of(Map.of("block.scale.weight", Tensor.zeros(4)));
        Session s = new ReferenceBackend().compile(residual(), w, SessionOptions.defaults());
        assertThatThrownBy(() -> s.run(Tensor.zeros(1, 4, 2))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("input 'input' must have shape [1, 4, 1], got [1, 4, 2]");
        s.close();
        assertThatThrownBy(() -> s.run(Tensor.zeros(1, 4, 1))).isInstanceOf(StrixException.class)
                .hasMessageContaining("closed");
    }

    /** The graph's input shape, kept in one place. */
    private static final class Shape2 {
        static dev.strix.api.Shape of() {
            return dev.strix.api.Shape.of(1, 4, 1);
        }
    }
}
