package dev.strix.opencl.device;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_CLOCK_FREQUENCY;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_ITEM_SIZES;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_CUSTOM;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;

import dev.strix.api.spi.Availability;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.SignalChaining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds every OpenCL device on every platform. A platform that reports no devices (Mesa's Clover), an ICD that
 * fails, or a missing OpenCL library is reported with its reason and does not stop the others from being found.
 */
public final class DeviceDiscovery {
    /**
     * Every device type but ALL: rusticl answers CL_INVALID_DEVICE_TYPE to CL_DEVICE_TYPE_ALL, so the types are
     * asked for explicitly.
     */
    static final long ANY_TYPE = CL_DEVICE_TYPE_CPU | CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR
            | CL_DEVICE_TYPE_CUSTOM;
    private static final Pattern VERSION = Pattern.compile("OpenCL (\\d+)\\.(\\d+)");

    /**
     * What discovery found.
     *
     * @param devices usable devices in discovery order
     * @param problems platforms or devices that could not be used, as device reports with their reason
     */
    public record Result(List<ClDevice> devices, List<DeviceInfo> problems) {
        public Result {
            devices = List.copyOf(devices);
            problems = List.copyOf(problems);
        }

        /** Every device, usable first, then each problem with its reason. */
        public List<DeviceInfo> report() {
            List<DeviceInfo> all = new ArrayList<>();
            devices.forEach(d -> all.add(d.info()));
            all.addAll(problems);
            return all;
        }
    }

    private DeviceDiscovery() {}

    /** Scans all platforms; never throws for a missing or broken OpenCL installation. */
    public static Result discover() {
        List<ClDevice> devices = new ArrayList<>();
        List<DeviceInfo> problems = new ArrayList<>();
        cl_platform_id[] platforms;
        SignalChaining.warnIfInactive("opencl");
        try {
            CL.setExceptionsEnabled(false);
            int[] count = new int[1];
            int status = CL.clGetPlatformIDs(0, null, count);
            if (status != CL.CL_SUCCESS || count[0] == 0) {
                problems.add(problem("opencl", "no OpenCL platform", "OpenCL ICD loader reports no platform ("
                        + ClStatus.name(status) + "); install an ICD such as pocl-opencl-icd"));
                return new Result(devices, problems);
            }
            platforms = new cl_platform_id[count[0]];
            ClStatus.check(CL.clGetPlatformIDs(count[0], platforms, null), "clGetPlatformIDs");
        } catch (LinkageError | RuntimeException e) {
            problems.add(problem("opencl", "OpenCL library", "the OpenCL library could not be loaded: " + e));
            return new Result(devices, problems);
        }
        for (int p = 0; p < platforms.length; p++) {
            String platformName = "platform " + p;
            try {
                platformName = platformString(platforms[p], CL_PLATFORM_NAME);
                int[] n = new int[1];
                int status = CL.clGetDeviceIDs(platforms[p], ANY_TYPE, 0, null, n);
                if (status == CL.CL_DEVICE_NOT_FOUND || (status == CL.CL_SUCCESS && n[0] == 0)) {
                    problems.add(problem("platform:" + p, platformName, "platform reports no devices ("
                            + ClStatus.name(CL.CL_DEVICE_NOT_FOUND) + ")"));
                    continue;
                }
                ClStatus.check(status, "clGetDeviceIDs on platform '" + platformName + "'");
                cl_device_id[] ids = new cl_device_id[n[0]];
                ClStatus.check(CL.clGetDeviceIDs(platforms[p], ANY_TYPE, n[0], ids, null), "clGetDeviceIDs");
                for (cl_device_id id : ids) {
                    try {
                        devices.add(describe(devices.size(), platforms[p], platformName, id));
                    } catch (RuntimeException e) {
                        problems.add(problem("platform:" + p, platformName + " device", e.getMessage()));
                    }
                }
            } catch (RuntimeException e) {
                problems.add(problem("platform:" + p, platformName, e.getMessage()));
            }
        }
        return new Result(devices, problems);
    }

    private static DeviceInfo problem(String id, String name, String reason) {
        return new DeviceInfo(id, name, "", "OPENCL", "", 0, 0, Availability.no(reason), Map.of());
    }

    private static ClDevice describe(int index, cl_platform_id platform, String platformName, cl_device_id id) {
        String version = deviceString(id, CL_DEVICE_VERSION);
        Matcher m = VERSION.matcher(version);
        int major = 1;
        int minor = 0;
        if (m.find()) {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        }
        String extensions = deviceString(id, CL_DEVICE_EXTENSIONS);
        int dims = (int) deviceInt(id, CL_DEVICE_MAX_WORK_ITEM_DIMENSIONS);
        long[] sizes = new long[dims];
        ClStatus.check(CL.clGetDeviceInfo(id, CL_DEVICE_MAX_WORK_ITEM_SIZES, (long) Sizeof.size_t * dims,
                Pointer.to(sizes), null), "clGetDeviceInfo(CL_DEVICE_MAX_WORK_ITEM_SIZES)");
        return new ClDevice(index, platform, id, platformName, deviceString(id, CL_DEVICE_NAME).trim(),
                deviceString(id, CL_DEVICE_VENDOR).trim(), deviceString(id, CL_DRIVER_VERSION).trim(),
                version.trim(), major, minor, typeName(deviceLong(id, CL_DEVICE_TYPE)),
                (int) deviceInt(id, CL_DEVICE_MAX_COMPUTE_UNITS), (int) deviceInt(id, CL_DEVICE_MAX_CLOCK_FREQUENCY),
                deviceLong(id, CL_DEVICE_GLOBAL_MEM_SIZE), deviceLong(id, CL_DEVICE_LOCAL_MEM_SIZE),
                deviceLong(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE), deviceSize(id, CL_DEVICE_MAX_WORK_GROUP_SIZE), sizes,
                extensions.contains("cl_khr_fp16"), extensions.contains("cl_khr_fp64"));
    }

    private static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        if ((type & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        return "CUSTOM";
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        ClStatus.check(CL.clGetPlatformInfo(p, param, 0, null, size), "clGetPlatformInfo");
        byte[] buf = new byte[(int) size[0]];
        ClStatus.check(CL.clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null), "clGetPlatformInfo");
        return cString(buf);
    }

    static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        ClStatus.check(CL.clGetDeviceInfo(d, param, 0, null, size), "clGetDeviceInfo");
        byte[] buf = new byte[(int) size[0]];
        ClStatus.check(CL.clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null), "clGetDeviceInfo");
        return cString(buf);
    }

    private static long deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        ClStatus.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null), "clGetDeviceInfo");
        return v[0] & 0xffffffffL;
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        ClStatus.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null), "clGetDeviceInfo");
        return v[0];
    }

    private static long deviceSize(cl_device_id d, int param) {
        long[] v = new long[1];
        ClStatus.check(CL.clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null), "clGetDeviceInfo");
        return v[0];
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
