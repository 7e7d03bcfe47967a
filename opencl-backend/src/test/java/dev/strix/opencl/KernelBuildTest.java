package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.strix.opencl.compile.ClProgram;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.compile.KernelSources;
import dev.strix.opencl.compile.ProgramCache;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.kernel.Tuning;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel file, alone with its defaults, and each GEMM entry of the tuning table, builds on every device found
 * with {@code -cl-std=CL1.2 -Werror}: a construct one vendor's compiler accepts and another rejects fails here.
 */
class KernelBuildTest {
    static final String STRICT = ProgramCache.OPTIONS + " -Werror";

    static Stream<org.junit.jupiter.params.provider.Arguments> devices() {
        return Devices.arguments();
    }

    /** Every .cl file under the kernel root except the prelude, as "group/name". */
    static List<String> kernelFiles() throws IOException, URISyntaxException {
        Path root = Path.of(KernelBuildTest.class.getClassLoader().getResource(KernelSources.ROOT).toURI());
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".cl")).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("common.cl")) {
                    files.add(rel.substring(0, rel.length() - 3));
                }
            });
        }
        files.sort(null);
        return files;
    }

    private static void buildStrict(ClContext ctx, String file, Defines defines) {
        ProgramCache cache = ctx.programs();
        String source = KernelSources.assemble(defines, KernelSources.builtIn(file));
        ClProgram p = cache.buildUncached(file, source, STRICT);
        cache.release(p);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyKernelFileBuildsWithItsDefaults(ClDevice device) throws Exception {
        ClContext ctx = Devices.backend().context(device);
        List<String> files = kernelFiles();
        assertThat(files).contains("gemm/gemm_register", "gemm/gemm_local", "conv/im2col", "activation/softmax")
                .hasSizeGreaterThanOrEqualTo(20);
        for (String f : files) {
            assertThatCode(() -> buildStrict(ctx, f, Defines.of())).as(f + " on " + device.label())
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyActivationAndEpilogueBuilds(ClDevice device) {
        ClContext ctx = Devices.backend().context(device);
        for (int act = 0; act <= 11; act++) {
            Defines d = Defines.of().set("ACT", act).setFloat("ACT_ALPHA", 0.1);
            buildStrict(ctx, "activation/activation", d);
        }
        for (int bias = 0; bias <= 2; bias++) {
            for (int trans = 0; trans <= 1; trans++) {
                Defines d = Defines.of().set("BIAS", bias).set("TRANS_A", trans).set("HAS_RESIDUAL", 1).set("ACT", 5);
                buildStrict(ctx, "gemm/gemm_register", d);
                buildStrict(ctx, "gemm/gemm_local", d);
                buildStrict(ctx, "gemm/gemm_block", d);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyTuningTableEntryBuilds(ClDevice device) {
        ClContext ctx = Devices.backend().context(device);
        Map<String, Map<String, Integer>> entries = Tuning.entries();
        assertThat(entries).containsKeys("defaults", "pocl/cpu", "mesa/llvmpipe", "nvidia/gpu");
        entries.forEach((name, v) -> {
            Defines reg = Defines.of().set("RM", v.get("RM")).set("RN", v.get("RN"));
            Defines loc = Defines.of().set("TSM", v.get("TSM")).set("TSN", v.get("TSN")).set("TSK", v.get("TSK"))
                    .set("WPTM", v.get("WPTM")).set("WPTN", v.get("WPTN"));
            assertThatCode(() -> buildStrict(ctx, "gemm/gemm_register", reg)).as(name + " on " + device.label())
                    .doesNotThrowAnyException();
            assertThatCode(() -> buildStrict(ctx, "gemm/gemm_local", loc)).as(name + " on " + device.label())
                    .doesNotThrowAnyException();
            Defines blk = Defines.of().set("RM", v.get("BRM")).set("NB", v.get("BNB")).set("TRANS_A", 2);
            assertThatCode(() -> buildStrict(ctx, "gemm/gemm_block", blk)).as(name + " on " + device.label())
                    .doesNotThrowAnyException();
        });
    }
}
