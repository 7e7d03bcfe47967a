package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.device.AparapiDevices;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every layer example through Aparapi's OpenCL on rusticl's llvmpipe device, OpenCL required. llvmpipe allows these
 * kernels work-groups of only 32 items, which Aparapi's own choice of local size would exceed. Needs
 * mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe (set by this module's surefire configuration).
 */
class LlvmpipeModeTest extends AparapiTestKit {
    LlvmpipeModeTest() {
        super("llvmpipe", "opencl");
    }

    @BeforeAll
    static void deviceExists() {
        assertThat(AparapiDevices.get().openClDevices()).as("OpenCL devices Aparapi sees (llvmpipe needs"
                + " mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe)")
                .anyMatch(d -> d.getName().contains("llvmpipe"));
    }
}
