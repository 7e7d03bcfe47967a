package dev.strix.opencl.device;

import dev.strix.api.DeviceException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses a device: the one asked for (an index, or a fragment of the device, vendor or platform name or version, case
 * insensitive), else the best by type — GPU, then accelerator, then CPU — in discovery order.
 */
public final class DeviceSelector {
    private DeviceSelector() {}

    /** Devices in preference order: GPUs first, then accelerators, then the rest, each in discovery order. */
    public static List<ClDevice> byPreference(List<ClDevice> devices) {
        return devices.stream().sorted(Comparator.comparingInt(DeviceSelector::rank).thenComparingInt(ClDevice::index))
                .toList();
    }

    /** The requested device, or the preferred one when {@code request} is empty; fails listing what exists. */
    public static ClDevice select(List<ClDevice> devices, Optional<String> request) {
        if (devices.isEmpty()) {
            throw new DeviceException("no OpenCL device found" + request.map(r -> " (asked for '" + r + "')")
                    .orElse(""));
        }
        if (request.isEmpty()) {
            return byPreference(devices).get(0);
        }
        String want = request.get().trim();
        if (want.startsWith("opencl:")) {
            want = want.substring("opencl:".length());
        }
        if (want.matches("\\d+")) {
            int i = Integer.parseInt(want);
            if (i < devices.size()) {
                return devices.get(i);
            }
            throw new DeviceException("no OpenCL device with index " + i + "; found " + list(devices));
        }
        String needle = want.toLowerCase(Locale.ROOT);
        return byPreference(devices).stream()
                .filter(d -> (d.name() + " " + d.vendor() + " " + d.platformName() + " " + d.version())
                        .toLowerCase(Locale.ROOT).contains(needle))
                .findFirst()
                .orElseThrow(() -> new DeviceException("no OpenCL device matches '" + request.get() + "'; found "
                        + list(devices)));
    }

    private static int rank(ClDevice d) {
        return switch (d.type()) {
            case "GPU" -> 0;
            case "ACCELERATOR" -> 1;
            default -> 2;
        };
    }

    private static String list(List<ClDevice> devices) {
        return devices.stream().map(ClDevice::toString).collect(Collectors.joining("; "));
    }
}
