package dev.strix.detection.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.detection.Detection;
import dev.strix.detection.DetectionException;
import dev.strix.detection.box.Box;
import dev.strix.detection.image.ImageException;
import dev.strix.detection.image.Images;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
    @TempDir
    Path dir;

    private static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        return img;
    }

    private static final Detection DOG = Detection.of("dog", 0, 0.87, Box.xyxy(50, 40, 150, 90), 200, 100);

    @Test
    void drawsBoxAndLabelInTheClassColour() {
        BufferedImage drawn = DetectionPainter.draw(white(200, 100), List.of(DOG));
        int colour = DetectionPainter.colour(0).getRGB() & 0xFFFFFF;
        assertThat(drawn.getRGB(100, 90) & 0xFFFFFF).as("bottom edge").isEqualTo(colour);
        assertThat(drawn.getRGB(150, 65) & 0xFFFFFF).as("right edge").isEqualTo(colour);
        assertThat(drawn.getRGB(100, 65) & 0xFFFFFF).as("inside").isEqualTo(0xFFFFFF);
        assertThat(drawn.getRGB(10, 10) & 0xFFFFFF).as("outside").isEqualTo(0xFFFFFF);
        // The label sits above the box (y < 40), filled with the class colour, with light text on it.
        int fill = 0;
        int text = 0;
        for (int y = 25; y < 40; y++) {
            for (int x = 50; x < 100; x++) {
                int p = drawn.getRGB(x, y) & 0xFFFFFF;
                fill += p == colour ? 1 : 0;
                text += ((p >> 8) & 0xFF) > 180 && p != 0xFFFFFF || p == 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(fill).isGreaterThan(200);
        assertThat(text).as("text pixels").isGreaterThan(20);
        assertThat(DetectionPainter.textColour(new Color(250, 250, 40))).isEqualTo(Color.BLACK);
    }

    @Test
    void labelGoesInsideTheBoxAtTheTopEdge() {
        Detection top = Detection.of("cat", 1, 0.5, Box.xyxy(20, 0, 120, 60), 200, 100);
        BufferedImage drawn = DetectionPainter.draw(white(200, 100), List.of(top));
        assertThat(drawn.getRGB(22, 5) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void writesPngAndLeavesNothingOnFailure() {
        Path png = dir.resolve("out.png");
        DetectionPainter.writePng(png, white(200, 100), List.of(DOG));
        assertThat(Images.read(png).getRGB(100, 90) & 0xFFFFFF).isEqualTo(DetectionPainter.colour(0).getRGB() & 0xFFFFFF);
        Path bad = dir.resolve("no-such-dir").resolve("out.png");
        assertThatThrownBy(() -> DetectionPainter.writePng(bad, white(10, 10), List.of()))
                .isInstanceOf(ImageException.class).hasMessageContaining(bad.toString());
        assertThat(dir.toFile().list()).containsExactly("out.png");
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        Path json = dir.resolve("out.json");
        DetectionJson.write(json, List.of(DOG), 200, 100);
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertThat(root.at("/image/width").asInt()).isEqualTo(200);
        assertThat(root.at("/image/height").asInt()).isEqualTo(100);
        JsonNode d = root.at("/detections/0");
        assertThat(d.get("class").asText()).isEqualTo("dog");
        assertThat(d.get("class_index").asInt()).isZero();
        assertThat(d.get("score").asDouble()).isEqualTo(0.87);
        assertThat(d.at("/box/x1").asDouble()).isEqualTo(50.0);
        assertThat(d.at("/box/y2").asDouble()).isEqualTo(90.0);
        assertThat(d.at("/box_normalized/x2").asDouble()).isEqualTo(0.75);
        assertThat(d.at("/box_normalized/y1").asDouble()).isEqualTo(0.4);
        Path bad = dir.resolve("missing").resolve("out.json");
        assertThatThrownBy(() -> DetectionJson.write(bad, List.of(DOG), 200, 100))
                .isInstanceOf(DetectionException.class).hasMessageContaining(bad.toString());
    }
}
