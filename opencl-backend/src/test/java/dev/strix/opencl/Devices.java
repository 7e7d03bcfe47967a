package dev.strix.opencl;

import dev.strix.api.Strix;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.session.OpenClBackend;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The devices tests run on: every usable device the registry's OpenCL backend found. */
final class Devices {
    private Devices() {}

    static OpenClBackend backend() {
        return (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
    }

    static List<ClDevice> all() {
        return backend().clDevices();
    }

    /** (device, case) for every device and every one of {@code cases}, the device shown as its label. */
    static Stream<Arguments> crossed(List<?> cases) {
        return all().stream().flatMap(d -> cases.stream()
                .map(c -> Arguments.of(org.junit.jupiter.api.Named.of(d.label(), d), c)));
    }

    /** One argument per device, shown as its label. */
    static Stream<Arguments> arguments() {
        return all().stream().map(d -> Arguments.of(org.junit.jupiter.api.Named.of(d.label(), d)));
    }
}
