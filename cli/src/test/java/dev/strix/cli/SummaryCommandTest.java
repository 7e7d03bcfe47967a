package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.cli.Cli.Result;
import org.junit.jupiter.api.Test;

/**
 * {@code strix summary} on tiny_net (input 2×3×3, 4 classes): parameters scale 2 + block 2 + head (5·18 + 5 + 4·5
 * + 4) = 123; MACs 18·5 + 5·4 = 110 per image, all in the composite head; activations 18 + 18 + 4 floats = 160 B.
 * Peak: after block.add, its two inputs (scale, block.scale) and its output are alive at once, 3 × 72 B = 216 B.
 */
class SummaryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tableHasARowPerNodeAndTotals() {
        Result r = Cli.run("summary", "tiny_net");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).containsSubsequence(
                "tiny_net: input input [1, 2, 3, 3], output [1, 4]",
                "NODE             TYPE            OUTPUT        PARAMS  MACS  ACTIVATIONS",
                "scale            t_scale         [1, 2, 3, 3]       2     0         72 B",
                "block            t_scale_add     [1, 2, 3, 3]       2     0         72 B",
                "head             t_double_dense  [1, 4]           119   110         16 B",
                "-".repeat(72),
                "total (3 nodes)                                   123   110        160 B",
                "parameters:  123 (492 B as float32)",
                "MACs:        110 per forward pass at batch 1 (FLOPs = 2 x MACs = 220)",
                "activations: 160 B in all, peak 216 B alive at once (each freed after its last reader)");
    }

    @Test
    void jsonHasTopLevelTotalsAndNodes() throws Exception {
        Result r = Cli.run("summary", "tiny_net", "--format", "json", "--batch", "2", "--classes", "3");
        assertThat(r.code()).isZero();
        JsonNode j = JSON.readTree(r.out());
        // head: 5·18 + 5 + 3·5 + 3 = 113, plus the two scales.
        assertThat(j.get("parameters").asLong()).isEqualTo(117);
        assertThat(j.get("macs").asLong()).isEqualTo(2 * (18 * 5 + 5 * 3));
        assertThat(j.get("activation_bytes").asLong()).isEqualTo(2 * (18 + 18 + 3) * 4);
        assertThat(j.get("peak_activation_bytes").asLong()).isEqualTo(2 * 3 * 72);
        assertThat(j.get("inputs").get("input")).extracting(JsonNode::asInt).containsExactly(2, 2, 3, 3);
        assertThat(j.get("outputs").get(0)).extracting(JsonNode::asInt).containsExactly(2, 3);
        assertThat(j.get("nodes")).extracting(n -> n.get("name").asText()).containsExactly("scale", "block", "head");
        JsonNode head = j.get("nodes").get(2);
        assertThat(head.get("type").asText()).isEqualTo("t_double_dense");
        assertThat(head.get("macs").asLong()).isEqualTo(2 * (18 * 5 + 5 * 3));
        assertThat(head.get("output_shapes").get(0)).extracting(JsonNode::asInt).containsExactly(2, 3);
        assertThat(j.get("plan").isNull()).isTrue();
    }

    @Test
    void inputSizeChangesTheGraph() throws Exception {
        JsonNode j = JSON.readTree(Cli.run("summary", "tiny_net", "--input", "2,4,4", "--format", "json").out());
        assertThat(j.get("macs").asLong()).isEqualTo(32 * 5 + 5 * 4);
    }

    @Test
    void aBackendWithAPlanDescriberShowsItsPlan() throws Exception {
        Result table = Cli.run("summary", "tiny_net", "--backend", "fake", "--device", "f0");
        assertThat(table.code()).isZero();
        assertThat(table.out()).endsWith("plan of backend 'fake':\n  3 buffers on f0\n");

        JsonNode j = JSON.readTree(Cli.run("summary", "tiny_net", "--backend", "fake", "--format", "json").out());
        assertThat(j.get("backend").asText()).isEqualTo("fake");
        assertThat(j.get("plan").get("backend").asText()).isEqualTo("fake");
        assertThat(j.get("plan").get("buffers").asInt()).isEqualTo(3);
        assertThat(j.get("plan").get("device").asText()).isEqualTo("default");
    }

    @Test
    void aDeviceWithoutABackendIsBadUsage() {
        Result r = Cli.run("summary", "tiny_net", "--device", "f0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo(
                "strix: --device chooses the device of a backend's plan; name the backend with --backend");
    }

    @Test
    void aBackendWithoutOneSaysSo() {
        Result r = Cli.run("summary", "tiny_net", "--backend", "reference");
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("memory plan: backend 'reference' offers none\n");
    }
}
