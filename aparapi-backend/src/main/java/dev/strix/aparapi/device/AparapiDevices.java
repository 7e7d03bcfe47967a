package dev.strix.aparapi.device;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import dev.strix.api.DeviceException;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.SignalChaining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenCL devices Aparapi sees, found once on first use (never in a constructor: discovery loads Aparapi's
 * native library and the OpenCL ICD loader), plus the Java thread pool, which is always there.
 */
public final class AparapiDevices {
    /** Id of the Java thread pool in {@code strix devices}. */
    public static final String JTP_ID = "jtp";

    private static volatile AparapiDevices instance;

    private final List<OpenCLDevice> devices;
    private final String problem;

    private AparapiDevices(List<OpenCLDevice> devices, String problem) {
        this.devices = List.copyOf(devices);
        this.problem = problem;
    }

    /** The devices of this process, discovered on the first call. */
    public static AparapiDevices get() {
        AparapiDevices d = instance;
        if (d == null) {
            synchronized (AparapiDevices.class) {
                d = instance;
                if (d == null) {
                    d = discover();
                    instance = d;
                }
            }
        }
        return d;
    }

    private static AparapiDevices discover() {
        SignalChaining.warnIfInactive("aparapi");
        try {
            List<OpenCLDevice> found = OpenCLDevice.listDevices(null);
            if (found == null || found.isEmpty()) {
                return new AparapiDevices(List.of(), "no OpenCL platform reported a device");
            }
            return new AparapiDevices(found, "");
        } catch (LinkageError | RuntimeException e) {
            // No libOpenCL.so.1 or no usable Aparapi native library: the thread pool still works.
            return new AparapiDevices(List.of(), "Aparapi could not reach OpenCL: " + e);
        }
    }

    public List<OpenCLDevice> openClDevices() {
        return devices;
    }

    /** Why there is no OpenCL device, or empty when there is one. */
    public String problem() {
        return problem;
    }

    /** The id of the OpenCL device at {@code index} of {@link #openClDevices()}. */
    public static String idOf(int index) {
        return "opencl:" + index;
    }

    /**
     * The target a request names: {@code jtp}/{@code java}, an id such as {@code opencl:1}, an index, or a fragment
     * of a device or platform name ({@code pocl}, {@code llvmpipe}). An empty request picks the best OpenCL device (a
     * GPU, else an accelerator, else a CPU), or the thread pool when there is none.
     */
    public Target select(String request) {
        if (request == null || request.isBlank()) {
            return best();
        }
        String r = request.trim().toLowerCase(Locale.ROOT);
        if (r.equals(JTP_ID) || r.equals("java")) {
            return Target.threadPool();
        }
        String index = r.startsWith("opencl:") ? r.substring("opencl:".length()) : r;
        if (index.matches("\\d+")) {
            int i = Integer.parseInt(index);
            if (i < devices.size()) {
                return target(i);
            }
        }
        for (int i = 0; i < devices.size(); i++) {
            if (searchable(devices.get(i)).contains(r)) {
                return target(i);
            }
        }
        throw new DeviceException("aparapi: no device matches '" + request + "'; devices are " + ids()
                + (problem.isEmpty() ? "" : " (" + problem + ")"));
    }

    private Target best() {
        for (Device.TYPE type : new Device.TYPE[] {Device.TYPE.GPU, Device.TYPE.ACC, Device.TYPE.CPU}) {
            for (int i = 0; i < devices.size(); i++) {
                if (devices.get(i).getType() == type) {
                    return target(i);
                }
            }
        }
        return Target.threadPool();
    }

    private Target target(int i) {
        return new Target(idOf(i), devices.get(i), describe(devices.get(i)));
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            ids.add(idOf(i) + " (" + devices.get(i).getName() + ")");
        }
        ids.add(JTP_ID);
        return ids;
    }

    /** Device name with its platform, e.g. {@code pthread-skylake (Portable Computing Language)}. */
    public static String describe(OpenCLDevice d) {
        return d.getName() + " (" + d.getOpenCLPlatform().getName() + ")";
    }

    /**
     * What a name fragment is matched against, as the OpenCL backend's DeviceSelector does: device and platform name
     * and the platform's version ("OpenCL 3.0 PoCL 3.1 …", so "pocl" finds PoCL), lower case.
     */
    private static String searchable(OpenCLDevice d) {
        return (describe(d) + " " + d.getOpenCLPlatform().getVersion()).toLowerCase(Locale.ROOT);
    }

    /** What {@code strix devices} lists: every OpenCL device Aparapi sees, then the Java thread pool. */
    public List<DeviceInfo> infos() {
        List<DeviceInfo> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            OpenCLDevice d = devices.get(i);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("mode", "opencl");
            details.put("platform", d.getOpenCLPlatform().getName());
            details.put("platform version", d.getOpenCLPlatform().getVersion());
            details.put("max work-group size", String.valueOf(d.getMaxWorkGroupSize()));
            details.put("local memory bytes", String.valueOf(d.getLocalMemSize()));
            details.put("max allocation bytes", String.valueOf(d.getMaxMemAllocSize()));
            out.add(new DeviceInfo(idOf(i), d.getName(), d.getOpenCLPlatform().getVendor(), d.getType().name(),
                    d.getOpenCLPlatform().getVersion(), d.getMaxComputeUnits(), d.getGlobalMemSize(),
                    Availability.yes(), details));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, String> jtp = new LinkedHashMap<>();
        jtp.put("mode", "jtp");
        jtp.put("threads", String.valueOf(threads));
        if (!problem.isEmpty()) {
            jtp.put("opencl", problem);
        }
        out.add(new DeviceInfo(JTP_ID, "Aparapi Java thread pool", System.getProperty("java.vendor"), "JAVA",
                "Java " + Runtime.version(), threads, Runtime.getRuntime().maxMemory(), Availability.yes(), jtp));
        return out;
    }
}
