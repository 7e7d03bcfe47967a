package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.DeviceException;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.SessionOptions;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.DeviceSelector;
import dev.strix.opencl.session.OpenClBackend;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Discovery on this machine: PoCL's CPU device, rusticl's llvmpipe (RUSTICL_ENABLE=llvmpipe) and Clover, a
 * platform without devices, which is reported with its reason while the others work. Selection by name, index and
 * the strix.device property.
 */
class DeviceSelectionTest {
    private final OpenClBackend backend = Devices.backend();

    @Test
    void findsPoclAndLlvmpipeAndReportsClover() {
        assertThat(backend.availability().available()).isTrue();
        List<DeviceInfo> report = backend.devices();
        assertThat(report).anySatisfy(d -> {
            assertThat(d.name()).contains("pthread");
            assertThat(d.availability().available()).isTrue();
            assertThat(d.details()).containsKeys("local_memory_bytes", "max_work_group_size", "fp16", "fp64",
                    "driver", "platform");
            assertThat(d.computeUnits()).isPositive();
            assertThat(d.memoryBytes()).isPositive();
        });
        assertThat(report).anySatisfy(d -> {
            assertThat(d.name()).contains("llvmpipe");
            assertThat(d.details()).containsEntry("local_memory_bytes", "32768").containsEntry("fp64", "false");
        });
        assertThat(report).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("Clover");
            assertThat(d.availability().available()).isFalse();
            assertThat(d.availability().reason()).contains("no devices").contains("CL_DEVICE_NOT_FOUND");
        });
    }

    @Test
    void selectsByNameFragmentIndexAndProperty() {
        assertThat(backend.select(SessionOptions.defaults().withDevice("llvmpipe")).name()).contains("llvmpipe");
        // PoCL names itself only in the device's version string ("OpenCL 3.0 PoCL HSTR: ...").
        assertThat(backend.select(SessionOptions.defaults().withDevice("pocl")).platformName())
                .isEqualTo("Portable Computing Language");
        assertThat(backend.select(SessionOptions.defaults().withDevice("LLVMPIPE")).platformName())
                .isEqualTo("rusticl");
        ClDevice first = backend.clDevices().get(0);
        assertThat(backend.select(SessionOptions.defaults().withDevice("0"))).isEqualTo(first);
        String before = System.getProperty("strix.device");
        System.setProperty("strix.device", "llvmpipe");
        try {
            assertThat(backend.select(SessionOptions.defaults()).name()).contains("llvmpipe");
        } finally {
            if (before == null) {
                System.clearProperty("strix.device");
            } else {
                System.setProperty("strix.device", before);
            }
        }
    }

    @Test
    void anUnknownDeviceFailsListingTheDevices() {
        assertThatThrownBy(() -> backend.select(SessionOptions.defaults().withDevice("radeon")))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("'radeon'")
                .hasMessageContaining("llvmpipe")
                .hasMessageContaining("pthread");
        assertThatThrownBy(() -> backend.select(SessionOptions.defaults().withDevice("17")))
                .hasMessageContaining("index 17");
    }

    @Test
    void gpusComeFirstWhenNothingIsAsked() {
        List<ClDevice> ordered = DeviceSelector.byPreference(backend.clDevices());
        for (int i = 1; i < ordered.size(); i++) {
            assertThat(!ordered.get(i).type().equals("GPU") || ordered.get(i - 1).type().equals("GPU")).isTrue();
        }
        assertThat(DeviceSelector.select(backend.clDevices(), Optional.empty())).isEqualTo(ordered.get(0));
    }
}
