package dev.strix.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.device.AparapiDevices;
import dev.strix.aparapi.runtime.Transfers;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every layer example and model family through Aparapi's OpenCL on rusticl's llvmpipe device, OpenCL required, with
 * the explicit transfers a GPU gets: every constant, input and output a launch declares is put or fetched on its
 * own, so a declaration missing from a kernel plan shows here (on PoCL the arrays are the buffers and it would not).
 * llvmpipe allows these kernels work-groups of only 32 items, which Aparapi's own choice of local size would exceed.
 * Needs mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe (set by this module's surefire configuration).
 */
class LlvmpipeModeTest extends AparapiTestKit {
    LlvmpipeModeTest() {
        super("llvmpipe", "opencl", Transfers.EXPLICIT);
    }

    @Override
    protected List<ModelCase> models() {
        return ModelCases.all();
    }

    @BeforeAll
    static void deviceExists() {
        assertThat(AparapiDevices.get().openClDevices()).as("OpenCL devices Aparapi sees (llvmpipe needs"
                + " mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe)")
                .anyMatch(d -> d.getName().contains("llvmpipe"));
    }
}
