package dev.strix.opencl;

import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.DeviceSelector;
import dev.strix.opencl.session.OpenClBackend;
import java.util.Optional;

/**
 * The shared backend test kit on one OpenCL device, chosen by a name fragment; the device's name is in every test's
 * display name so a failure says where it happened.
 */
abstract class OpenClTestKit extends BackendTestKit {
    /** What {@link #deviceRequest()} selects, or empty when this machine lacks the device. */
    static Optional<ClDevice> find(String request) {
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        return backend.clDevices().stream().filter(d -> {
            try {
                return DeviceSelector.select(java.util.List.of(d), Optional.of(request)) != null;
            } catch (RuntimeException e) {
                return false;
            }
        }).findFirst();
    }

    /** The name fragment that selects this kit's device. */
    abstract String deviceRequest();

    @Override
    protected Registry registry() {
        return Strix.registry();
    }

    @Override
    protected Backend backend() {
        return registry().backend(OpenClBackend.NAME);
    }

    @Override
    protected SessionOptions sessionOptions() {
        return SessionOptions.defaults().withDevice(deviceRequest());
    }

    @Override
    protected String deviceLabel() {
        return find(deviceRequest()).map(ClDevice::label).orElse(deviceRequest() + " (not found)");
    }
}
