package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every layer example on rusticl's llvmpipe device (GPU-like limits: 32 KiB local memory, no fp64) against the
 * reference backend. Needs mesa-opencl-icd and RUSTICL_ENABLE=llvmpipe, which the build's surefire configuration
 * sets.
 */
class LlvmpipeBackendTest extends OpenClTestKit {
    static final String DEVICE = "llvmpipe";

    @BeforeAll
    static void deviceExists() {
        assertThat(find(DEVICE)).as("rusticl llvmpipe device (install mesa-opencl-icd, set RUSTICL_ENABLE=llvmpipe)")
                .isPresent();
    }

    @Override
    String deviceRequest() {
        return DEVICE;
    }
}
