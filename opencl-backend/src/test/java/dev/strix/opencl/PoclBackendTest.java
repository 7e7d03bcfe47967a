package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;

/** Every layer example on PoCL's CPU device against the reference backend. */
class PoclBackendTest extends OpenClTestKit {
    static final String DEVICE = "Portable Computing Language";

    @BeforeAll
    static void deviceExists() {
        assertThat(find(DEVICE)).as("PoCL device (install pocl-opencl-icd)").isPresent();
    }

    @Override
    String deviceRequest() {
        return DEVICE;
    }
}
