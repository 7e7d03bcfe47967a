package dev.strix.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import dev.strix.api.Strix;
import dev.strix.api.StrixException;
import dev.strix.api.UnknownNameException;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.Plugin;
import dev.strix.api.testkit.TestLayers;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
    @Test
    void discoversTheReferenceBackendThroughServiceLoader() {
        Registry r = Strix.registry();
        assertThat(r.backends()).containsKey("reference");
        assertThat(r.bestBackend()).isPresent();
        assertThatThrownBy(() -> r.backend("cuda")).isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("known: ").hasMessageContaining("reference");
    }

    @Test
    void duplicateNamesFailNamingBothSources() {
        Plugin again = new Plugin() {
            @Override
            public String name() {
                return "copycat";
            }

            @Override
            public Collection<LayerType> layerTypes() {
                return List.of(new TestLayers.Scale());
            }
        };
        assertThatThrownBy(() -> RegistryFactory.create(List.of(TestLayers.plugin(), again), List.of()))
                .isInstanceOf(StrixException.class)
                .hasMessageContaining("layer type 't_scale' is contributed twice")
                .hasMessageContaining("plugin test-layers")
                .hasMessageContaining("plugin copycat");
    }

    @Test
    void callerModulesContributeThroughTheBinder() {
        Registry r = RegistryFactory.create(List.of(), List.of(new AbstractModule() {
            @Override
            protected void configure() {
                StrixBinder.layerTypes(binder()).addBinding("t_add").to(TestLayers.Add.class);
                StrixBinder.backends(binder()).addBinding("reference").to(ReferenceBackend.class);
            }
        }));
        assertThat(r.layerTypeNames()).containsExactly("t_add");
        assertThat(r.backend("reference")).isInstanceOf(ReferenceBackend.class);
    }

    @Test
    void aModuleDuplicatingAPluginNameFails() {
        assertThatThrownBy(() -> RegistryFactory.create(List.of(TestLayers.plugin()), List.of(new AbstractModule() {
            @Override
            protected void configure() {
                StrixBinder.layerTypes(binder()).addBinding("t_add").to(TestLayers.Add.class);
            }
        }))).isInstanceOf(StrixException.class).hasMessageContaining("t_add");
    }
}
