package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.api.Strix;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command over the plugins the strix jar ships (Strix.registry()): a real model's summary, and the OpenCL
 * backend's memory plan on the OpenCL device CI provides (PoCL).
 */
class RealPluginsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = StrixCommand.commandLine(Strix::registry);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void resnet18HasTorchvisionsCounts() throws Exception {
        JsonNode j = json("summary", "resnet18", "--format", "json");
        // sum(p.numel() for p in torchvision.models.resnet18().parameters()); MACs of torchvision's graph at 224².
        assertThat(j.get("parameters").asLong()).isEqualTo(11_689_512L);
        assertThat(j.get("macs").asLong()).isEqualTo(1_814_073_344L);
        assertThat(j.get("nodes").get(0).get("name").asText()).isEqualTo("conv1");
        assertThat(j.get("outputs").get(0)).extracting(JsonNode::asInt).containsExactly(1, 1000);
        long perNode = StreamSupport.stream(j.get("nodes").spliterator(), false)
                .mapToLong(n -> n.get("parameters").asLong()).sum();
        assertThat(perNode).isEqualTo(11_689_512L);
    }

    @Test
    void benchProfilesTheOpenClKernelsOfTheTimedRuns() throws Exception {
        JsonNode j = json("bench", "lenet5", "--backend", "opencl", "--device", "pocl", "--profile", "--runs", "2",
                "--warmup", "1", "--format", "json");
        JsonNode profile = j.get("profile_ms_by_kernel");
        assertThat(profile.size()).isPositive();
        assertThat(profile.fieldNames()).toIterable().anySatisfy(k -> assertThat(k).startsWith("gemm/"));
        assertThat(profile).allSatisfy(ms -> assertThat(ms.asDouble()).isPositive());
    }

    @Test
    void sessionOptionsReachTheBackend() {
        StringWriter err = new StringWriter();
        CommandLine cmd = StrixCommand.commandLine(Strix::registry);
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("bench", "lenet5", "--backend", "opencl", "--option", "opencl.gemm=banana", "--runs",
                "1", "--warmup", "0");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("opencl.gemm must be 'register', 'local' or 'block', got 'banana'");
    }

    @Test
    void theOpenClBackendShowsItsMemoryPlan() throws Exception {
        JsonNode plan = json("summary", "lenet5", "--backend", "opencl", "--format", "json").get("plan");
        assertThat(plan.get("device").asText()).isNotBlank();
        assertThat(plan.get("steps").asInt()).isPositive();
        long peak = plan.get("peak_bytes").asLong();
        long slots = StreamSupport.stream(plan.get("slots").spliterator(), false).mapToLong(JsonNode::asLong).sum();
        assertThat(slots).isEqualTo(peak);
        assertThat(peak).isPositive().isLessThanOrEqualTo(plan.get("unshared_bytes").asLong());
        // The input, 1×1×32×32 float32, is planned like every other tensor.
        assertThat(plan.get("tensors")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).isEqualTo("input:0");
            assertThat(t.get("bytes").asLong()).isEqualTo(32 * 32 * 4);
        });
    }
}
