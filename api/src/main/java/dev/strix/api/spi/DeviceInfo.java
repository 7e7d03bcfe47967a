package dev.strix.api.spi;

import java.util.Map;

/**
 * A device a backend can run on, as {@code strix devices} reports it.
 *
 * @param id stable identifier used with {@code --device} (an index or a name)
 * @param name device name as the driver reports it
 * @param vendor vendor
 * @param type CPU, GPU, ACCELERATOR or JAVA
 * @param version driver or API version
 * @param computeUnits compute units or threads
 * @param memoryBytes global memory in bytes (0 if unknown)
 * @param availability whether it can be used, and if not why
 * @param details further facts (local memory, fp16, work-group limits …)
 */
public record DeviceInfo(
        String id,
        String name,
        String vendor,
        String type,
        String version,
        int computeUnits,
        long memoryBytes,
        Availability availability,
        Map<String, String> details) {
    public DeviceInfo {
        details = Map.copyOf(details);
    }
}
