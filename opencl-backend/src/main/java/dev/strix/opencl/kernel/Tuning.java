package dev.strix.opencl.kernel;

import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.device.ClDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tunables as data: a table vendor → device class → values, with defaults at each level, then fitted to the
 * device's reported limits (local memory, work-group size). Where an entry doesn't fit, a smaller tile is chosen and
 * the reason is logged once per device.
 *
 * <p>The GEMM choice is the table's most important entry: CPUs (PoCL) want a register-blocked kernel with vector
 * loads ({@code GEMM_KIND} 0: each work-item computes RM × RN outputs), GPUs and GPU-like devices (llvmpipe) the
 * local-memory tiled kernel ({@code GEMM_KIND} 1: TSM × TSN tiles per group, WPTM × WPTN per work-item); PoCL the
 * block kernel ({@code GEMM_KIND} 2: BRM rows × BNB float16 vectors per work-item). {@code GEMM_KIND_ROWS}, where
 * not −1, overrides the choice for products whose A is a row-major activation matrix (linears, matmuls, attention)
 * rather than a packed weight (convolutions).
 */
public final class Tuning {
    private static final System.Logger LOG = System.getLogger(Tuning.class.getName());
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    /** Values every device starts from. */
    static final Map<String, Integer> DEFAULTS = Map.ofEntries(Map.entry("GEMM_KIND", 1), Map.entry("RM", 8),
            Map.entry("RN", 16), Map.entry("TSM", 64), Map.entry("TSN", 64), Map.entry("TSK", 16),
            Map.entry("WPTM", 4), Map.entry("WPTN", 4), Map.entry("WG", 64), Map.entry("LOOP_BUDGET", 0),
            Map.entry("DW_ROWS", 1), Map.entry("DW_PAD", 0), Map.entry("ITEM_GROUPS", 0), Map.entry("BRM", 16),
            Map.entry("BNB", 1), Map.entry("GEMM_KIND_ROWS", -1), Map.entry("WINOGRAD", 0),
            Map.entry("DW_FUSE", 0), Map.entry("WINOGRAD_TILE", 0), Map.entry("OVER_BATCH", 1));

    /** vendor key → device class → overrides of {@link #DEFAULTS}. The "*" vendor applies when none matches. */
    static final Map<String, Map<String, Map<String, Integer>>> TABLE = table();

    private final String vendorKey;
    private final String deviceClass;
    private final Map<String, Integer> values;
    private final List<String> adjustments;

    private Tuning(String vendorKey, String deviceClass, Map<String, Integer> values, List<String> adjustments) {
        this.vendorKey = vendorKey;
        this.deviceClass = deviceClass;
        this.values = Map.copyOf(values);
        this.adjustments = List.copyOf(adjustments);
    }

    private static Map<String, Map<String, Map<String, Integer>>> table() {
        Map<String, Map<String, Map<String, Integer>>> t = new LinkedHashMap<>();
        // PoCL's CPU device: GEMM work-items own a whole register block of C (below), vectorised by the explicit
        // float16 type. PoCL pays per work-item, so the depthwise kernel gives each several output rows, and per
        // bounds test, so it reads a zero-padded copy of its input (DW_PAD) and tests nothing. Left to choose a
        // group size itself, PoCL makes one group of up to 4,096 work-items, and one group runs on one core: kernels
        // whose work-items each do a lot (register GEMM, depthwise) launch ITEM_GROUPS groups per compute unit.
        // Its GEMM for convolutions (A a packed weight, read as one stream of 16-float panels) is the block kernel
        // (GEMM_KIND 2): 16 rows × one float16 per work-item, accumulators in a private array the compiler keeps in
        // registers. With A a row-major activation matrix the block kernel reads 16 rows as 16 strided streams and
        // lost to the 8-row register kernel (vit_b_16: 350–400 ms against 260–330 ms), hence GEMM_KIND_ROWS 0.
        // 3×3 stride-1 convolutions run as Winograd there (WINOGRAD 1; F(4×4) or F(2×2) per layer, WINOGRAD_TILE).
        // A 1×1 convolution and the depthwise convolution reading it run as one kernel (DW_FUSE 1): mobilenet_v2's
        // device time 10–11 → 7.3 ms. Small planes at batch > 1 multiply every image's columns at once (OVER_BATCH).
        t.put("pocl", Map.of("cpu", Map.of("GEMM_KIND", 2, "GEMM_KIND_ROWS", 0, "BRM", 16, "BNB", 1, "WG", 64,
                "DW_ROWS", 4, "DW_PAD", 1, "ITEM_GROUPS", 8, "WINOGRAD", 1,
                "DW_FUSE", 1)));
        // rusticl/llvmpipe vectorises across work-items like a GPU, has 32 KiB of local memory and allows 32
        // work-items per group for a kernel (CL_KERNEL_WORK_GROUP_SIZE), hence 4×8 groups on 32×32 tiles. Its
        // gallivm back end (Mesa 22) ends every loop once a kernel invocation has run 65,535 loop iterations in
        // total (LP_MAX_TGSI_LOOP_ITERATIONS, shared by all loops) — silently, so long loops must be split.
        t.put("mesa", Map.of("llvmpipe", Map.of("GEMM_KIND", 1, "TSM", 32, "TSN", 32, "TSK", 16, "WPTM", 8,
                "WPTN", 4, "WG", 32, "LOOP_BUDGET", 65535), "gpu", Map.of("GEMM_KIND", 1, "WG", 256)));
        t.put("nvidia", Map.of("gpu", Map.of("GEMM_KIND", 1, "TSM", 128, "TSN", 128, "TSK", 16, "WPTM", 8,
                "WPTN", 8, "WG", 256)));
        t.put("amd", Map.of("gpu", Map.of("GEMM_KIND", 1, "TSM", 64, "TSN", 64, "TSK", 16, "WPTM", 4, "WPTN", 4,
                "WG", 256)));
        t.put("intel", Map.of("gpu", Map.of("GEMM_KIND", 1, "TSM", 64, "TSN", 64, "TSK", 8, "WPTM", 4, "WPTN", 4,
                "WG", 128), "cpu", Map.of("GEMM_KIND", 0, "RM", 8, "RN", 16, "DW_ROWS", 4, "DW_PAD", 1,
                "ITEM_GROUPS", 8)));
        t.put("*", Map.of("cpu", Map.of("GEMM_KIND", 0, "RM", 4, "RN", 8, "DW_ROWS", 4, "DW_PAD", 1,
                "ITEM_GROUPS", 8), "gpu", Map.of("GEMM_KIND", 1)));
        return t;
    }

    /** Every (vendor, class) entry's values before fitting, for the build check. */
    public static Map<String, Map<String, Integer>> entries() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        all.put("defaults", DEFAULTS);
        TABLE.forEach((vendor, classes) -> classes.forEach((cls, v) -> {
            Map<String, Integer> m = new LinkedHashMap<>(DEFAULTS);
            m.putAll(v);
            all.put(vendor + "/" + cls, m);
        }));
        return all;
    }

    /** The tuning for {@code device}, with {@code overrides} (from session options) applied last. */
    public static Tuning forDevice(ClDevice device, Map<String, Integer> overrides) {
        String vendor = vendorKey(device);
        String cls = deviceClass(device);
        Map<String, Integer> v = new LinkedHashMap<>(DEFAULTS);
        Map<String, Map<String, Integer>> byClass = TABLE.getOrDefault(vendor, Map.of());
        Map<String, Integer> entry = byClass.get(cls);
        if (entry == null) {
            entry = TABLE.get("*").getOrDefault(cls, Map.of());
        }
        v.putAll(entry);
        v.putAll(overrides);
        List<String> adjustments = new ArrayList<>();
        fit(device, v, adjustments);
        for (String a : adjustments) {
            if (LOGGED.add(device.label() + a)) {
                LOG.log(System.Logger.Level.INFO, device.label() + ": " + a);
            }
        }
        return new Tuning(vendor, cls, v, adjustments);
    }

    static String vendorKey(ClDevice d) {
        String s = (d.platformName() + " " + d.vendor() + " " + d.name()).toLowerCase(Locale.ROOT);
        if (s.contains("portable computing language") || s.contains("pocl")) {
            return "pocl";
        }
        if (s.contains("rusticl") || s.contains("mesa") || s.contains("llvmpipe") || s.contains("clover")) {
            return "mesa";
        }
        if (s.contains("nvidia")) {
            return "nvidia";
        }
        if (s.contains("advanced micro devices") || s.contains("amd")) {
            return "amd";
        }
        if (s.contains("intel")) {
            return "intel";
        }
        return "*";
    }

    static String deviceClass(ClDevice d) {
        if (d.name().toLowerCase(Locale.ROOT).contains("llvmpipe")) {
            return "llvmpipe";
        }
        return "CPU".equals(d.type()) ? "cpu" : "gpu";
    }

    /** Shrinks tiles that do not fit the device, recording why. */
    private static void fit(ClDevice d, Map<String, Integer> v, List<String> adjustments) {
        long maxGroup = Math.min(d.maxWorkGroupSize(), d.maxWorkItemSizes()[0]);
        while (v.get("WG") > maxGroup) {
            adjustments.add("element-wise work-group " + v.get("WG") + " exceeds the device's " + maxGroup
                    + "; using " + v.get("WG") / 2);
            v.put("WG", v.get("WG") / 2);
        }
        // Local tiles: both tiles must fit in half the local memory, and the group in the work-group limits.
        while (true) {
            int tsm = v.get("TSM");
            int tsn = v.get("TSN");
            int tsk = v.get("TSK");
            long bytes = (long) (tsm + tsn) * tsk * Float.BYTES;
            long gx = tsn / v.get("WPTN");
            long gy = tsm / v.get("WPTM");
            boolean fitsMemory = bytes <= d.localMemBytes() / 2;
            boolean fitsGroup = gx * gy <= d.maxWorkGroupSize() && gx <= d.maxWorkItemSizes()[0]
                    && gy <= d.maxWorkItemSizes()[1];
            if (fitsMemory && fitsGroup) {
                break;
            }
            if (tsm <= v.get("WPTM") && tsn <= v.get("WPTN") && tsk <= 1) {
                throw new IllegalStateException("no GEMM tile fits " + d.label());
            }
            String why = !fitsMemory ? "needs " + bytes + " bytes of local memory, the device has "
                    + d.localMemBytes() + " (half is allowed)" : "needs work-groups of " + gx + "×" + gy
                    + ", the device allows " + d.maxWorkGroupSize();
            if (tsm >= tsn && tsm > v.get("WPTM")) {
                v.put("TSM", tsm / 2);
            } else if (tsn > v.get("WPTN")) {
                v.put("TSN", tsn / 2);
            } else {
                v.put("TSK", Math.max(1, tsk / 2));
            }
            adjustments.add("GEMM tile " + tsm + "×" + tsn + "×" + tsk + " " + why + "; using " + v.get("TSM")
                    + "×" + v.get("TSN") + "×" + v.get("TSK"));
        }
    }

    /** Logs {@code message} about {@code device} once per process. */
    public static void logOnce(ClDevice device, String message) {
        if (LOGGED.add(device.label() + message)) {
            LOG.log(System.Logger.Level.INFO, device.label() + ": " + message);
        }
    }

    public int get(String name) {
        Integer x = values.get(name);
        if (x == null) {
            throw new IllegalArgumentException("no tunable '" + name + "'; known " + values.keySet());
        }
        return x;
    }

    /** The named tunables as defines. */
    public Defines defines(String... names) {
        Defines d = Defines.of();
        for (String n : names) {
            d.set(n, get(n));
        }
        return d;
    }

    /** Work-group size for one-dimensional element-wise kernels. */
    public int workGroup() {
        return get("WG");
    }

    public String vendorKey() {
        return vendorKey;
    }

    public String deviceClass() {
        return deviceClass;
    }

    public Map<String, Integer> values() {
        return values;
    }

    /** Why values differ from the table entry (tiles shrunk to fit), empty when none did. */
    public List<String> adjustments() {
        return adjustments;
    }

    @Override
    public String toString() {
        return vendorKey + "/" + deviceClass + " " + values;
    }
}
