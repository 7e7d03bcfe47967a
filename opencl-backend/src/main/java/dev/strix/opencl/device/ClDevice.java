package dev.strix.opencl.device;

import dev.strix.api.spi.Availability;
import dev.strix.api.spi.DeviceInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device and the facts Strix plans with: its limits (local memory, work-group sizes, largest allocation)
 * and capabilities (OpenCL version, fp16, fp64). Immutable; holds no native resources of its own.
 *
 * @param index position in discovery order; what {@code --device 1} selects
 * @param platform the platform handle
 * @param device the device handle
 * @param platformName the platform's name (e.g. "Portable Computing Language", "rusticl")
 * @param name the device's name
 * @param vendor the device's vendor
 * @param driverVersion CL_DRIVER_VERSION
 * @param version CL_DEVICE_VERSION, e.g. "OpenCL 3.0 PoCL …"
 * @param versionMajor the OpenCL major version parsed from {@code version}
 * @param versionMinor the OpenCL minor version
 * @param type CPU, GPU, ACCELERATOR or CUSTOM
 * @param computeUnits CL_DEVICE_MAX_COMPUTE_UNITS
 * @param clockMhz CL_DEVICE_MAX_CLOCK_FREQUENCY
 * @param globalMemBytes CL_DEVICE_GLOBAL_MEM_SIZE
 * @param localMemBytes CL_DEVICE_LOCAL_MEM_SIZE
 * @param maxAllocBytes CL_DEVICE_MAX_MEM_ALLOC_SIZE
 * @param maxWorkGroupSize CL_DEVICE_MAX_WORK_GROUP_SIZE
 * @param maxWorkItemSizes CL_DEVICE_MAX_WORK_ITEM_SIZES
 * @param fp16 whether cl_khr_fp16 is offered
 * @param fp64 whether cl_khr_fp64 is offered
 */
public record ClDevice(
        int index,
        cl_platform_id platform,
        cl_device_id device,
        String platformName,
        String name,
        String vendor,
        String driverVersion,
        String version,
        int versionMajor,
        int versionMinor,
        String type,
        int computeUnits,
        int clockMhz,
        long globalMemBytes,
        long localMemBytes,
        long maxAllocBytes,
        long maxWorkGroupSize,
        long[] maxWorkItemSizes,
        boolean fp16,
        boolean fp64) {

    /** Whether the device speaks OpenCL 2.0 or later (queues are then created with properties). */
    public boolean atLeast20() {
        return versionMajor >= 2;
    }

    /** "name (platform)" — how messages and session descriptions name the device. */
    public String label() {
        return name + " (" + platformName + ")";
    }

    /** The device as {@code strix devices} reports it. */
    public DeviceInfo info() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("platform", platformName);
        d.put("driver", driverVersion);
        d.put("local_memory_bytes", String.valueOf(localMemBytes));
        d.put("max_alloc_bytes", String.valueOf(maxAllocBytes));
        d.put("max_work_group_size", String.valueOf(maxWorkGroupSize));
        d.put("max_work_item_sizes", Arrays.toString(maxWorkItemSizes));
        d.put("clock_mhz", String.valueOf(clockMhz));
        d.put("fp16", String.valueOf(fp16));
        d.put("fp64", String.valueOf(fp64));
        return new DeviceInfo(String.valueOf(index), name, vendor, type, version, computeUnits, globalMemBytes,
                Availability.yes(), d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClDevice other && other.device.equals(device);
    }

    @Override
    public int hashCode() {
        return device.hashCode();
    }

    @Override
    public String toString() {
        return "#" + index + " " + label() + ", " + type + ", " + version;
    }
}
