package dev.strix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.api.Strix;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.weights.Initializers;
import dev.strix.detection.image.Images;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code strix detect} in-process over the real registry (strix-layers and strix-models on the class path), on the
 * reference backend, with LeNet-5 built for 3×32×32 and seeded random weights.
 */
class DetectCommandTest {
    @TempDir
    Path dir;
    private Path weights;
    private Path image;

    record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = StrixCommand.commandLine(Strix::registry);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

    @BeforeEach
    void files() {
        Graph lenet = Strix.registry().model("lenet5", ModelOptions.defaults().withInput(dev.strix.api.Shape.of(3, 32, 32)));
        weights = dir.resolve("lenet.safetensors");
        Initializers.initialize(lenet, 5).write(weights);
        BufferedImage img = new BufferedImage(72, 56, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rng = new SplittableRandom(8);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 72; x++) {
                img.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        image = dir.resolve("in.png");
        Images.writePng(image, img);
    }

    private String[] args(String method) {
        return args(method, "0");
    }

    private String[] args(String method, String score) {
        String[] base = {"detect", "--model", "lenet5", "--input", "3,32,32", "--weights", weights.toString(),
            "--image", image.toString(), "--out", dir.resolve(method + ".png").toString(), "--json",
            dir.resolve(method + ".json").toString(), "--method", method, "--backend", "reference", "--score", score,
            "--iou", "1", "--stride", "4"};
        return base;
    }

    @Test
    void fcnAndSlidingWindowAgreeAndWriteBothFiles() throws Exception {
        // LeNet-5 has no padding and a total stride of 4, so the FCN's cells are exactly the windows at stride 4:
        // (72 − 32)/4 + 1 = 11 columns × (56 − 32)/4 + 1 = 7 rows = 77 windows, all kept (score 0, IoU 1).
        Result fcn = run(args("fcn"));
        assertThat(fcn.code()).as(fcn.err()).isZero();
        Result window = run(args("window"));
        assertThat(window.code()).as(window.err()).isZero();
        assertThat(window.err()).contains("wrote").contains("77 detections");
        JsonNode a = new ObjectMapper().readTree(dir.resolve("fcn.json").toFile());
        JsonNode b = new ObjectMapper().readTree(dir.resolve("window.json").toFile());
        assertThat(a.at("/image/width").asInt()).isEqualTo(72);
        assertThat(a.get("detections").size()).isEqualTo(77);
        assertThat(b.get("detections").size()).isEqualTo(77);
        for (int i = 0; i < 77; i++) {
            JsonNode da = a.get("detections").get(i);
            JsonNode db = b.get("detections").get(i);
            assertThat(da.get("box")).isEqualTo(db.get("box"));
            assertThat(da.get("class_index")).isEqualTo(db.get("class_index"));
            assertThat(da.get("score").asDouble()).isCloseTo(db.get("score").asDouble(), within(1e-5));
        }
        assertThat(Images.read(dir.resolve("fcn.png")).getWidth()).isEqualTo(72);
        assertThat(fcn.out().lines().count()).isEqualTo(77);
    }

    @Test
    void badImageFailsNamingItAndWritesNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(image);
        Files.write(image, Arrays.copyOf(bytes, bytes.length / 2));
        Result r = run(args("fcn"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(image.toString()).contains("corrupt or truncated");
        assertThat(dir.resolve("fcn.png")).doesNotExist();
        assertThat(dir.resolve("fcn.json")).doesNotExist();
    }

    @Test
    void aClassifierIsNotAYoloHead() {
        Result r = run(args("yolo"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a yolo export head");
        assertThat(dir.resolve("yolo.png")).doesNotExist();
        assertThat(dir.resolve("yolo.json")).doesNotExist();
    }

    @Test
    void thresholdsOutsideTheUnitIntervalAreBadUsage() {
        Result r = run(args("fcn", "1.5"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--score must be in [0, 1], got 1.5");
        Result m = run(args("grid"));
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("--method must be yolo, fcn or window, got 'grid'");
    }
}
