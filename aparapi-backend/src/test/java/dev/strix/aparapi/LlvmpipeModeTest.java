package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.device.AparapiDevices;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every layer example through Aparapi's OpenCL on rusticl's llvmpipe device, OpenCL required. llvmpipe allows these
 * kernels work-groups of only 32 items, which Aparapi's own choice of local size would exceed. Needs
 * mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe (set by this module's surefire configuration).
 */
class LlvmpipeModeTest extends BackendTestKit {
    @BeforeAll
    static void deviceExists() {
        assertThat(AparapiDevices.get().openClDevices()).as("OpenCL devices Aparapi sees (llvmpipe needs"
                + " mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe)")
                .anyMatch(d -> d.getName().contains("llvmpipe"));
    }

    @Override
    protected Registry registry() {
        return Strix.registry();
    }

    @Override
    protected Backend backend() {
        return registry().backend(AparapiBackend.NAME);
    }

    @Override
    protected SessionOptions sessionOptions() {
        return SessionOptions.defaults().withDevice("llvmpipe").with(ModeRequest.OPTION, "opencl");
    }

    @Override
    protected String deviceLabel() {
        return "aparapi opencl llvmpipe";
    }
}
