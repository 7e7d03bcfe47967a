package dev.strix.aparapi.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.aparapi.device.AparapiDevices;
import dev.strix.aparapi.device.Target;
import dev.strix.api.DeviceException;
import org.junit.jupiter.api.Test;

/**
 * The names `--device` accepts for the Aparapi backend (as the README lists them): "pocl" (in PoCL's platform
 * version; its name is "Portable Computing Language"), a fragment of that name, an id, "jtp"; and an error listing the
 * devices.
 */
class DeviceSelectionTest {
    private final AparapiDevices devices = AparapiDevices.get();

    @Test
    void poclByItsShortNameOrAFragmentOfItsPlatform() {
        Target byShortName = devices.select("pocl");
        assertThat(byShortName.description()).contains("Portable Computing Language");
        assertThat(devices.select("PoCL").id()).isEqualTo(byShortName.id());
        assertThat(devices.select("portable").id()).isEqualTo(byShortName.id());
        assertThat(devices.select(byShortName.id()).id()).isEqualTo(byShortName.id());
    }

    @Test
    void threadPoolAndUnknownNames() {
        assertThat(devices.select("jtp").device()).isNull();
        assertThatThrownBy(() -> devices.select("no-such-device")).isInstanceOf(DeviceException.class)
                .hasMessageContaining("no device matches 'no-such-device'").hasMessageContaining("jtp");
    }
}
