package dev.strix.aparapi.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strix.aparapi.AparapiBackend;
import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Attributes;
import dev.strix.api.Shape;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.Tensors;
import dev.strix.api.weights.Initializers;
import dev.strix.api.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiling, running and closing OpenCL sessions in a loop does not grow the process: every kernel's OpenCL context
 * and buffers are released on close. Measured as resident memory (Linux /proc/self/status) after a warm-up.
 */
class LifetimeTest {
    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void sessionsCompiledAndClosedInALoopDoNotGrowTheProcess() throws IOException {
        GraphBuilder b = new GraphBuilder(Strix.registry());
        Value x = b.input("x", Shape.of(1, 8, 32, 32));
        Value c = b.layer("conv2d", "conv").attrs(Attributes.builder().put("out_channels", 64).put("kernel_size", 3)
                .put("padding", 1).build()).apply(x);
        Value r = b.layer("relu", "relu").apply(c);
        Value y = b.layer("max_pool2d", "pool").attrs(Attributes.builder().put("kernel_size", 2).build()).apply(r);
        Graph g = b.build(List.of(y));
        Weights w = Initializers.initialize(g, 1);
        SessionOptions options = SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl");
        AparapiBackend backend = new AparapiBackend();
        var input = Tensors.random(Shape.of(1, 8, 32, 32), 2);
        long before = 0;
        for (int i = 0; i < 400; i++) {
            if (i == 100) {
                System.gc();
                before = residentKb();
            }
            try (AparapiSession s = backend.compile(g, w, options)) {
                s.run(input);
            }
        }
        System.gc();
        long grownKb = residentKb() - before;
        // Resident memory settles within the first ~100 sessions (PoCL and JIT warm-up) and then stays flat to
        // 1,000 (measured: 223 → 230 MiB); 300 sessions of two kernels with ~300 KiB of buffers each would grow it
        // by tens of MiB if contexts or buffers leaked.
        assertThat(grownKb).as("resident memory growth over 300 sessions, KiB").isLessThan(24 * 1024);
    }
}
