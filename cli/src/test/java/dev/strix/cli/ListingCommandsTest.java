package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.cli.Cli.Result;
import org.junit.jupiter.api.Test;

/** {@code strix devices}, {@code layers} and {@code models} in both formats. */
class ListingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void devicesListsEveryBackendWithReasonsAndTheBest() throws Exception {
        Result r = Cli.run("devices");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("absent ").endsWith(
                "unavailable: no driver"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("fake ")
                .contains("f0", "Fake Device", "CPU", "1.00 GiB").endsWith("available"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("broken ")
                .contains("unavailable: device discovery failed: java.lang.UnsatisfiedLinkError: libOpenCL.so.1"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("reference ")
                .contains("java", "Java reference executor", "JAVA").endsWith("available"));
        assertThat(r.out()).endsWith("Best available backend: fake\n");

        JsonNode j = JSON.readTree(Cli.run("devices", "--format", "json").out());
        assertThat(j.get("best").asText()).isEqualTo("fake");
        assertThat(j.get("backends")).hasSize(4);
        JsonNode absent = j.get("backends").get(0);
        assertThat(absent.get("name").asText()).isEqualTo("absent");
        assertThat(absent.get("available").asBoolean()).isFalse();
        assertThat(absent.get("reason").asText()).isEqualTo("no driver");
        JsonNode fake = j.get("backends").get(2).get("devices").get(0);
        assertThat(fake.get("id").asText()).isEqualTo("f0");
        assertThat(fake.get("compute_units").asInt()).isEqualTo(4);
        assertThat(fake.get("memory_bytes").asLong()).isEqualTo(1L << 30);
        assertThat(fake.get("details").get("peak_gflops").asText()).isEqualTo("100.0");
    }

    @Test
    void layersListsNamesKindsAndDescriptions() throws Exception {
        Result r = Cli.run("layers");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("LAYER"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l.split("\\s{2,}"))
                .containsExactly("t_double_dense", "composite", "two dense layers (test composite)"));
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l.split("\\s{2,}"))
                .containsExactly("t_scale", "primitive", "per-channel scale (test)"));

        JsonNode j = JSON.readTree(Cli.run("layers", "--format", "json").out());
        assertThat(j.get("layers")).extracting(n -> n.get("name").asText())
                .containsExactly("t_add", "t_dense", "t_double_dense", "t_scale", "t_scale_add", "t_split");
        assertThat(j.get("layers").get(4).get("composite").asBoolean()).isTrue();
    }

    @Test
    void modelsListsFamiliesWithVariants() throws Exception {
        Result r = Cli.run("models");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "FAMILY  VARIANTS                      DESCRIPTION",
                "tiny    tiny_net, tiny_rgb, tiny_two  tiny test models");

        JsonNode j = JSON.readTree(Cli.run("models", "--format", "json").out());
        assertThat(j.get("families").get(0).get("family").asText()).isEqualTo("tiny");
        assertThat(j.get("families").get(0).get("variants")).extracting(JsonNode::asText)
                .containsExactly("tiny_net", "tiny_rgb", "tiny_two");
    }
}
